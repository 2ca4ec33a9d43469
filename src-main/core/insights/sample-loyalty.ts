import type { Db } from '../db/handle.ts';
import { newId } from '../db/ids.ts';
import { addToDate, localMoment } from '../followups/followups.service.ts';
import type { LoyaltyMoveTable } from './insights.table.ts';
import { findFirstPurchaseDays, insertMoves, insertScore } from './loyalty.repository.ts';

// A few dated likelihood-to-recommend scores for the sample people, so the
// ladder has a promoter, a passive and a detractor to show; and the ladder's
// past as the rules would have drawn it (new customers at risk for their first
// 90 days, movable after), so "Movement by quarter" has quarters to show. The
// first recompute moves each of them to where they stand today.
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
  await insertMoves(db, await pastMoves(db, now, today, personIds));
  return ids;
}

async function pastMoves(db: Db, now: string, today: string, personIds: string[]): Promise<LoyaltyMoveTable[]> {
  const moves: LoyaltyMoveTable[] = [];
  const move = (contactId: string, on: string, from: LoyaltyMoveTable['from_stage'], to: LoyaltyMoveTable['to_stage'], reason: string) =>
    moves.push({ id: newId(Date.parse(now)), contact_id: contactId, moved_at: `${on}T09:00:00.000Z`, moved_on: on, from_stage: from, to_stage: to, source: 'rules', reason });
  for (const { contact_id: contactId, first_on: firstOn } of await findFirstPurchaseDays(db, personIds)) {
    move(contactId, firstOn, null, 'at_risk', `New customer: first purchase on ${firstOn}`);
    const settled = addToDate(firstOn, 91, 'days');
    if (settled < today) move(contactId, settled, 'at_risk', 'movable', 'buying again after their first 90 days');
  }
  return moves;
}
