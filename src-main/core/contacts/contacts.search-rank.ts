import { foldText } from '../db/text-search.ts';

/** A contact's full-text row as search reads it back. */
export type SearchedText = { num: number; name: string; company: string; emails: string; phones: string; tags: string; notes: string; address: string };

/** Lower is better: the name, then the company, emails and phones, tags, and last notes and address. */
const columnWeights = [
  ['name', 0],
  ['company', 1],
  ['emails', 2],
  ['phones', 2],
  ['tags', 3],
  ['notes', 4],
  ['address', 4],
] as const;

const wordCharacter = /[\p{L}\p{N}]/u;

/** Where in this text the spelling matches best: 0 at the start of a word, 1 inside one, undefined nowhere. */
function placeOf(text: string, spelling: string): number | undefined {
  let best: number | undefined;
  for (let at = text.indexOf(spelling); at !== -1; at = text.indexOf(spelling, at + 1)) {
    if (at === 0 || !wordCharacter.test(text[at - 1]!)) return 0;
    best = 1;
  }
  return best;
}

function termScore(row: SearchedText, spellings: string[]): number | undefined {
  let best: number | undefined;
  for (const [column, weight] of columnWeights) {
    const text = row[column];
    for (const spelling of spellings) {
      const place = placeOf(text, spelling);
      if (place !== undefined && (best === undefined || 2 * weight + place < best)) best = 2 * weight + place;
    }
  }
  return best;
}

/**
 * The rows every term matches (folded text, anywhere, as the full-text index
 * does), best first: first by the weakest of its terms' best columns, so a
 * contact every term finds in a name, company, email, phone or tag comes before
 * one a term finds only in notes; then by the sum; ties keep the order contacts
 * were added in.
 */
export function rankMatches(rows: SearchedText[], terms: string[][]): Array<{ num: number; score: number }> {
  const scored: Array<{ num: number; score: number }> = [];
  for (const stored of rows) {
    // Phones are stored as typed; every other column is folded already.
    const row = { ...stored, phones: foldText(stored.phones) };
    const scores = terms.map((spellings) => termScore(row, spellings));
    if (scores.some((score) => score === undefined)) continue;
    const found = scores as number[];
    scored.push({ num: row.num, score: Math.max(...found) * 1000 + found.reduce((sum, score) => sum + score, 0) });
  }
  return scored.sort((a, b) => a.score - b.score || a.num - b.num);
}
