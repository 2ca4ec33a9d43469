import type { Db } from '../db/handle.ts';
import { localMoment } from '../followups/followups.service.ts';
import type { CustomerFigures } from './customer-values.ts';
import type { LadderEvidence } from './ladder.ts';
import { findLatestComplaints, findLatestReferralsGiven, findLatestScores, findOverrides } from './loyalty.repository.ts';

/** The user's calendar date of an instant. */
export const localDateOf = (instant: string) => localMoment(Date.parse(instant)).date;

/**
 * The ladder's evidence for every contact who has some: a purchase, a score, a
 * complaint, a referral given or a stage set by hand.
 */
export async function gatherLadderEvidence(db: Db, figures: readonly CustomerFigures[]): Promise<Map<string, LadderEvidence>> {
  const evidence = new Map<string, LadderEvidence>();
  const of = (contactId: string): LadderEvidence => {
    let found = evidence.get(contactId);
    if (!found) {
      found = { override: null, latestScore: null, latestComplaintOn: null, latestReferralOn: null, firstPurchaseOn: null, lastPurchaseOn: null, purchaseDays: 0, pAlive: null };
      evidence.set(contactId, found);
    }
    return found;
  };
  for (const figure of figures) {
    Object.assign(of(figure.contactId), {
      firstPurchaseOn: figure.firstPurchaseOn,
      lastPurchaseOn: figure.lastPurchaseOn,
      purchaseDays: figure.purchaseDays,
      pAlive: figure.pAlive,
    });
  }
  for (const row of await findLatestScores(db)) of(row.contact_id).latestScore = { score: row.score, scoredOn: row.scored_on };
  for (const row of await findLatestComplaints(db)) of(row.contact_id).latestComplaintOn = localDateOf(row.occurred_at);
  for (const row of await findLatestReferralsGiven(db)) of(row.contact_id).latestReferralOn = localDateOf(row.occurred_at);
  for (const row of await findOverrides(db)) of(row.contact_id).override = { stage: row.stage, reason: row.reason };
  return evidence;
}
