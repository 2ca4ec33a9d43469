import type { HistoryHit, Interaction } from '../../../shared/history/history.schemas.ts';
import { findContactBriefs } from '../contacts/contacts.service.ts';
import type { Db } from '../db/handle.ts';
import { foldText, searchTerms } from '../db/text-search.ts';
import { findInteractionsByNums } from './history.repository.ts';
import { searchInteractionNums } from './history-search.repository.ts';
import { rowToInteraction } from './history.mapping.ts';

type Place = HistoryHit['matchedIn'];
const snippetRadius = 40;

function textsOf(interaction: Interaction): Array<[Place, string]> {
  return [
    ['reasons', interaction.reasons.join(', ')],
    ['summary', interaction.summary],
    ['outcome', interaction.outcome],
  ];
}

/** Where the first term was found, and the text around it; the reasons first, as a tag says most. */
function locate(interaction: Interaction, terms: string[][]): { matchedIn: Place; snippet: string } {
  const texts = textsOf(interaction);
  for (const [place, text] of texts) {
    const folded = foldText(text);
    for (const spelling of terms.flat()) {
      const at = folded.indexOf(spelling);
      if (at === -1) continue;
      // Folding may change the length (ligatures, some accents): then show the start instead.
      const start = folded.length === text.length ? Math.max(0, at - snippetRadius) : 0;
      const end = Math.min(text.length, start + spelling.length + 2 * snippetRadius);
      return { matchedIn: place, snippet: `${start > 0 ? '…' : ''}${text.slice(start, end).trim()}${end < text.length ? '…' : ''}` };
    }
  }
  const [place, text] = texts.find(([, each]) => each !== '') ?? texts[1]!;
  return { matchedIn: place, snippet: text.slice(0, 2 * snippetRadius) };
}

/** Interactions whose summary, outcome or reasons hold every word, with where they matched. */
export async function searchHistory(db: Db, query: { query: string; limit: number }): Promise<HistoryHit[]> {
  const terms = searchTerms(query.query);
  const nums = await searchInteractionNums(db, terms, query.limit);
  const rows = await findInteractionsByNums(db, nums);
  const rank = new Map(nums.map((num, index) => [num, index]));
  rows.sort((a, b) => rank.get(a.num)! - rank.get(b.num)!);
  const contacts = new Map((await findContactBriefs(db, rows.map((row) => row.contact_id))).map((contact) => [contact.id, contact]));
  return rows.map((row) => {
    const interaction = rowToInteraction(row);
    return { interaction, contactName: contacts.get(row.contact_id)?.displayName ?? '', ...locate(interaction, terms) };
  });
}
