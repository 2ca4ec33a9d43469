import { AppError } from '../../../shared/api/errors.ts';
import { insightsFieldLabels } from '../../../shared/insights/insights.labels.ts';
import type { LoyaltyStanding, OverrideStage, RecordScore, Score } from '../../../shared/insights/loyalty.schemas.ts';
import { nowOf, type CoreContext } from '../context.ts';
import { nextTimestamp } from '../db/clock.ts';
import type { Db } from '../db/handle.ts';
import { newId } from '../db/ids.ts';
import { mutate } from '../db/mutation.ts';
import { localMoment } from '../followups/followups.service.ts';
import { standingIn, scoreOf } from './loyalty-standing.ts';
import { deleteOverride, findShownStageOf, insertMoves, insertScore, isLiveContact, saveOverride } from './loyalty.repository.ts';
import { setShownStage } from './values.repository.ts';

export { seedSampleScoresIn } from './sample-loyalty.ts';

function invalid(path: keyof typeof insightsFieldLabels, problem: string): AppError {
  return new AppError('VALIDATION', `${insightsFieldLabels[path]}: ${problem}`, { fields: [{ path, message: problem }] });
}

async function requireLiveContact(db: Db, contactId: string): Promise<void> {
  if (!(await isLiveContact(db, contactId))) throw new AppError('NOT_FOUND', 'That contact is not in the address book (it may be in the Trash).', { contactId });
}

export async function standing(ctx: CoreContext, contactId: string): Promise<LoyaltyStanding> {
  await requireLiveContact(ctx.db, contactId);
  return standingIn(ctx, ctx.db, contactId, { suggest: true });
}

/** A likelihood-to-recommend score on a day up to today. */
export async function recordScore(ctx: CoreContext, input: RecordScore): Promise<Score> {
  const now = nowOf(ctx);
  const today = localMoment(now).date;
  if (input.scoredOn > today) throw invalid('scoredOn', `The likelihood to recommend cannot be dated after today (${today}).`);
  return mutate(ctx, {
    run: async (tx) => {
      await requireLiveContact(tx, input.contactId);
      const row = await insertScore(tx, {
        id: newId(now),
        contact_id: input.contactId,
        score: input.score,
        scored_on: input.scoredOn,
        comment: input.comment,
        created_at: nextTimestamp(undefined, now),
        deleted_at: null,
      });
      return scoreOf(row);
    },
    changed: (score) => ({ name: 'loyalty.changed', payload: { contactIds: [score.contactId], reason: 'scored' } }),
  });
}

/**
 * Sets a contact's stage by hand with why, or (stage null) gives them back to
 * the rules; either way a move on the ladder when the stage shown changes.
 */
export async function overrideStage(ctx: CoreContext, input: OverrideStage): Promise<LoyaltyStanding> {
  const now = nowOf(ctx);
  const at = nextTimestamp(undefined, now);
  const today = localMoment(now).date;
  await mutate(ctx, {
    run: async (tx) => {
      await requireLiveContact(tx, input.contactId);
      const before = (await findShownStageOf(tx, input.contactId)) ?? null;
      if (input.stage === null) await deleteOverride(tx, input.contactId);
      else await saveOverride(tx, { contact_id: input.contactId, stage: input.stage, reason: input.reason, set_at: at });
      const after = await standingIn(ctx, tx, input.contactId, { suggest: false });
      if (after.stage !== before) {
        const reason = input.stage === null ? `back to the rules: ${after.ruleReason}` : after.reason;
        await insertMoves(tx, [{ id: newId(now), contact_id: input.contactId, moved_at: at, moved_on: today, from_stage: before, to_stage: after.stage, source: 'override', reason }]);
      }
      await setShownStage(tx, input.contactId, after.stage, after.reason, after.stage === null ? null : after.source);
      return after.stage;
    },
    changed: (stage) => ({ name: 'loyalty.changed', payload: { contactIds: [input.contactId], reason: 'overridden', stages: [stage] } }),
  });
  return standing(ctx, input.contactId);
}
