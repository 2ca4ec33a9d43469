import type { Db } from '../db/handle.ts';
import { newId } from '../db/ids.ts';
import { addToDate, localMoment } from '../followups/followups.service.ts';
import { insertScore } from './loyalty.repository.ts';

// A few dated likelihood-to-recommend scores for the sample people, so the
// ladder has a promoter, a passive and a detractor to show.
const sampleScores = [
  { person: 1, score: 10, daysAgo: 40, comment: 'Told two friends about us.' },
  { person: 2, score: 9, daysAgo: 75, comment: '' },
  { person: 4, score: 7, daysAgo: 20, comment: 'Happy, but the paperwork was slow.' },
  { person: 3, score: 3, daysAgo: 15, comment: 'The movers were late and nobody called back.' },
];

/** Likelihood-to-recommend scores for the sample people, inside the sample's own transaction; their ids. */
export async function seedSampleScoresIn(db: Db, now: string, personIds: string[]): Promise<string[]> {
  const today = localMoment(Date.parse(now)).date;
  const ids: string[] = [];
  for (const sample of sampleScores) {
    const contactId = personIds[sample.person];
    if (contactId === undefined) continue;
    const row = await insertScore(db, {
      id: newId(Date.parse(now)),
      contact_id: contactId,
      score: sample.score,
      scored_on: addToDate(today, -sample.daysAgo, 'days'),
      comment: sample.comment,
      created_at: now,
      deleted_at: null,
    });
    ids.push(row.id);
  }
  return ids;
}
