import { sql, type RawBuilder } from 'kysely';

const plainAscii = /^[\t\n\r\x20-\x7e]*$/;

/**
 * Text as search and sorting compare it: accents removed and lower case, so
 * "ang" finds Ángel and Ángel sorts among the A's. The trigram index folds
 * accents itself, but short searches and name sorting go around it.
 */
export function foldText(text: string): string {
  // Plain ASCII has no accents to remove: folding it is lower-casing it, several times faster (a bulk import folds each contact seven times).
  if (plainAscii.test(text)) return text.toLowerCase();
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLocaleLowerCase('en');
}

// What the user typed, made safe for an FTS5 trigram index: shared by every search (contacts, history).

/** Trigram matching needs three characters; shorter terms fall back to a scan. */
const trigramLength = 3;
/** One letter would match nearly everyone: not worth a scan. */
const minimumSearchLength = 2;
const phoneLike = /^[\d\s()+\-./]+$/;
/** Never part of what a user means to find: control characters and halves of broken surrogate pairs. */
const unreadable = /[\p{Cc}\p{Cs}]/gu;
const quoteMarks = /["“”„]/;

const characters = (text: string) => [...text].length;
const words = (text: string) => text.split(/\s+/).filter((word) => word.length > 0);

/**
 * What the user typed, as terms that must all match; each term lists the spellings
 * any one of which may match. Words are terms; words in double quotes are one term,
 * matched as they stand together ("ada lovelace"); a quote without its pair is
 * ignored. A query of digits and punctuation is one term, as itself ("12.50" in a
 * note) or as bare digits ("(555) 0123" finds "555-0123"). Everything else is
 * plain text: `*`, `-`, `OR`, `NEAR(` and the like are searched for as written.
 */
export function searchTerms(query: string): string[][] {
  const text = foldText(query).replace(unreadable, ' ').trim();
  if (phoneLike.test(text)) {
    const digits = text.replace(/\D/g, '');
    if (digits.length >= 2) return [digits === text ? [digits] : [digits, text]];
  }
  const parts = text.split(quoteMarks);
  const terms = parts.flatMap((part, index) => {
    const quoted = index % 2 === 1 && index < parts.length - 1;
    if (!quoted) return words(part).map((word) => [word]);
    const phrase = words(part).join(' ');
    return phrase === '' ? [] : [[phrase]];
  });
  const typed = terms.reduce((length, [spelling]) => length + characters(spelling!), 0);
  return typed < minimumSearchLength ? [] : terms;
}

/** The trigram index counts characters, not UTF-16 units: "😀😀" is too short for it. */
export const indexable = (spellings: string[]) => spellings.every((spelling) => characters(spelling) >= trigramLength);
/** An FTS5 string: inside double quotes every operator and keyword is plain text. */
const quote = (term: string) => `"${term.replace(/"/g, '""')}"`;
const likePattern = (term: string) => `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;


/** An FTS5 query for terms the index can match: every term, any of its spellings; all plain text. */
export function matchExpression(indexed: string[][]): string {
  // FTS5 has no implicit AND between groups: `("ada") ("lovelace")` is a syntax error.
  return indexed.map((spellings) => `(${spellings.map(quote).join(' OR ')})`).join(' AND ');
}

/**
 * The characters a two-character term is looked for beside. Every two
 * characters inside a longer text are the start or the end of one of its
 * trigrams, so "qu" is "qua" or "que" or … or "squ" or …: the index answers
 * without reading any row's text, and stops at the page like any match.
 */
const neighbours = [...'abcdefghijklmnopqrstuvwxyz0123456789 .,-_@\'’%&/()+#:;!?*"'];

function pairTrigrams(pair: string): string[] {
  return [...new Set(neighbours.flatMap((character) => [pair + character, character + pair]))];
}

/**
 * An FTS5 query for terms of two characters or more (`matchExpression` for those of three):
 * a pair finds a text it is inside of, not a text that is nothing but the pair.
 */
export function matchPairsAndLonger(terms: string[][]): string {
  return terms
    .map((spellings) => {
      const alternatives = spellings.flatMap((spelling) => (characters(spelling) >= trigramLength ? [spelling] : pairTrigrams(spelling)));
      return `(${alternatives.map(quote).join(' OR ')})`;
    })
    .join(' AND ');
}

/** A term the index can match, alone or as its trigrams. */
export const matchable = (spellings: string[]) => spellings.every((spelling) => characters(spelling) >= minimumSearchLength);

/** Any spelling of the term appears in one of these columns (a scan: for terms the index cannot match). */
export function foundByScan(columns: readonly string[], spellings: string[]): RawBuilder<unknown> {
  const tests = spellings.flatMap((spelling) => columns.map((column) => sql`${sql.ref(column)} like ${likePattern(spelling)} escape '\\'`));
  return sql`(${sql.join(tests, sql` or `)})`;
}
