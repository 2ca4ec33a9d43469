import type { LoyaltyMove, LoyaltyStanding, Score } from '../../../shared/insights/loyalty.schemas.ts';
import { nowOf, type CoreContext } from '../context.ts';
import type { Db } from '../db/handle.ts';
import { localMoment } from '../followups/followups.service.ts';
import { listPlans, listRuns } from '../plans/plans.service.ts';
import { readSettings } from '../settings/settings.service.ts';
import type { LoyaltyMoveRow, NpsScoreRow } from './insights.table.ts';
import { localDateOf } from './ladder-evidence.ts';
import { ladderVerdict } from './ladder.ts';
import { findLatestComplaints, findLatestReferralsGiven, findMoves, findOverride, findPurchaseDaysOf, findScores } from './loyalty.repository.ts';
import { findCustomerValue } from './values.repository.ts';

export const scoreOf = (row: NpsScoreRow): Score => ({ id: row.id, contactId: row.contact_id, score: row.score, scoredOn: row.scored_on, comment: row.comment, createdAt: row.created_at });

const moveOf = (row: LoyaltyMoveRow): LoyaltyMove => ({
  id: row.id,
  contactId: row.contact_id,
  movedAt: row.moved_at,
  movedOn: row.moved_on,
  from: row.from_stage,
  to: row.to_stage,
  source: row.source,
  reason: row.reason,
});

/** Complaint recovery, unless it is already running for the contact. */
async function suggestedPlanFor(ctx: CoreContext, contactId: string): Promise<LoyaltyStanding['suggestedPlan']> {
  const plan = (await listPlans(ctx)).find((each) => each.builtIn === 'complaint_recovery');
  if (!plan) return null;
  const running = await listRuns(ctx, { contactId, status: 'running' });
  return running.some((run) => run.planId === plan.id) ? null : { planId: plan.id, name: plan.name };
}

/**
 * Where one contact stands now: the rules evaluated on their live scores,
 * complaints, referrals and purchases, with P(alive) from the last recompute.
 * Inside a write (`db` a transaction) leave out the suggestion: the plans are
 * read through their own service, on the core's connection.
 */
export async function standingIn(ctx: CoreContext, db: Db, contactId: string, options: { suggest: boolean }): Promise<LoyaltyStanding> {
  const settings = await readSettings(db);
  const today = localMoment(nowOf(ctx)).date;
  const scores = await findScores(db, contactId);
  const override = await findOverride(db, contactId);
  const [complaint] = await findLatestComplaints(db, contactId);
  const [referral] = await findLatestReferralsGiven(db, contactId);
  const days = (await findPurchaseDaysOf(db, contactId)).filter((day) => day <= today);
  const value = await findCustomerValue(db, contactId);
  const latest = scores[0];
  const verdict = ladderVerdict(
    {
      override: override ? { stage: override.stage, reason: override.reason } : null,
      latestScore: latest ? { score: latest.score, scoredOn: latest.scored_on } : null,
      latestComplaintOn: complaint ? localDateOf(complaint.occurred_at) : null,
      latestReferralOn: referral ? localDateOf(referral.occurred_at) : null,
      firstPurchaseOn: days[0] ?? null,
      lastPurchaseOn: days.at(-1) ?? null,
      purchaseDays: days.length,
      pAlive: value?.p_alive ?? null,
    },
    settings.loyalty,
    today,
  );
  return {
    contactId,
    stage: verdict.stage,
    reason: verdict.reason,
    source: verdict.source,
    ruleStage: verdict.ruleStage,
    ruleReason: verdict.ruleReason,
    override: override ? { stage: override.stage, reason: override.reason, setAt: override.set_at } : null,
    latestScore: latest ? scoreOf(latest) : null,
    scores: scores.map(scoreOf),
    moves: (await findMoves(db, contactId)).map(moveOf),
    suggestedPlan: options.suggest && verdict.stage === 'detractor' ? await suggestedPlanFor(ctx, contactId) : null,
  };
}
