import type { CoreEvent } from '../../../shared/api/events.ts';
import { AppError } from '../../../shared/api/errors.ts';
import type { HeldBackTouch, Plan, PlanFields, PlanPreview, PlanRun, StartPlan } from '../../../shared/plans/plans.schemas.ts';
import { nowOf, type CoreContext } from '../context.ts';
import { nextTimestamp } from '../db/clock.ts';
import type { Db } from '../db/handle.ts';
import { newId } from '../db/ids.ts';
import { mutate } from '../db/mutation.ts';
import { deleteOpenFollowupsIn, localMoment } from '../followups/followups.service.ts';
import { allPlanRows, checkPlan, ensureBuiltInPlans, invalid, planRowOf, plansWithRunning, requirePlanRow } from './plans.catalog.ts';
import { findHeldBack, findPlansRunningFor, findRunById, insertPlan, setRunCancelled, updatePlanRow } from './plans.repository.ts';
import { loadRuns, makeRun, requireLiveContact, stepsFor } from './plans.running.ts';
import type { PlanRow } from './plans.table.ts';

export { fireContactTaggedTriggers, fireInteractionTriggers, firePurchaseTriggers } from './plans.triggers.ts';

type PlanReason = 'created' | 'updated' | 'duplicated' | 'enabled' | 'disabled';

const plansChanged = (ids: string[], reason: PlanReason): CoreEvent => ({ name: 'plans.changed', payload: { ids, reason } });

async function planOf(db: Db, row: PlanRow): Promise<Plan> {
  const [plan] = await plansWithRunning(db, [row]);
  return plan!;
}

export async function listPlans(ctx: CoreContext): Promise<Plan[]> {
  return plansWithRunning(ctx.db, await allPlanRows(ctx.db));
}

export async function getPlan(ctx: CoreContext, id: string): Promise<Plan> {
  return planOf(ctx.db, await requirePlanRow(ctx.db, id));
}

export async function createPlan(ctx: CoreContext, fields: PlanFields): Promise<Plan> {
  checkPlan(fields);
  return mutate(ctx, {
    run: async (tx) => {
      const now = nextTimestamp(undefined, nowOf(ctx));
      return planOf(tx, await insertPlan(tx, { id: newId(), ...planRowOf(fields), built_in: null, created_at: now, updated_at: now }));
    },
    changed: (plan) => plansChanged([plan.id], 'created'),
  });
}

/** Running plans keep the steps they started with: an edit changes only the runs started after it. */
export async function updatePlan(ctx: CoreContext, input: { id: string; expectedUpdatedAt: string; fields: PlanFields }): Promise<Plan> {
  checkPlan(input.fields);
  return mutate(ctx, {
    unchangedSince: {
      expectedUpdatedAt: input.expectedUpdatedAt,
      read: async (tx) => {
        await ensureBuiltInPlans(tx);
        return requirePlanRow(tx, input.id);
      },
      conflict: async (tx, current) =>
        new AppError('CONFLICT', 'This plan was changed elsewhere since you opened it. Review it and save again.', { current: await planOf(tx, current) }),
    },
    run: async (tx, current) =>
      planOf(tx, await updatePlanRow(tx, current.id, { ...planRowOf(input.fields), updated_at: nextTimestamp(current.updated_at, nowOf(ctx)) })),
    changed: (plan) => plansChanged([plan.id], 'updated'),
  });
}

/** A copy to change freely. It starts no plan by itself until given triggers, so one event never starts both. */
export async function duplicatePlan(ctx: CoreContext, id: string): Promise<Plan> {
  return mutate(ctx, {
    run: async (tx) => {
      await ensureBuiltInPlans(tx);
      const source = await requirePlanRow(tx, id);
      const now = nextTimestamp(undefined, nowOf(ctx));
      const name = `Copy of ${source.name}`.slice(0, 100);
      return planOf(tx, await insertPlan(tx, { ...source, id: newId(), name, triggers: '[]', built_in: null, created_at: now, updated_at: now }));
    },
    changed: (plan) => plansChanged([plan.id], 'duplicated'),
  });
}

export async function setPlanEnabled(ctx: CoreContext, input: { id: string; enabled: boolean }): Promise<Plan> {
  return mutate(ctx, {
    run: async (tx) => {
      await ensureBuiltInPlans(tx);
      const current = await requirePlanRow(tx, input.id);
      return planOf(tx, await updatePlanRow(tx, current.id, { enabled: input.enabled ? 1 : 0, updated_at: nextTimestamp(current.updated_at, nowOf(ctx)) }));
    },
    changed: (plan) => plansChanged([plan.id], plan.enabled ? 'enabled' : 'disabled'),
  });
}

/** Every step's date, time and filled prompt, and what the user should know before starting. */
async function previewIn(db: Db, input: StartPlan, at: number): Promise<{ preview: PlanPreview; plan: PlanRow }> {
  const plan = await requirePlanRow(db, input.planId);
  const contact = await requireLiveContact(db, input.contactId);
  const anchorDate = input.anchorDate ?? localMoment(at).date;
  const notes: string[] = [];
  if (plan.enabled === 0) notes.push(`“${plan.name}” is switched off. Switch it on in Plans to start it.`);
  if (contact.doNotContactAutomatically) {
    notes.push(`${contact.displayName} is marked “do not contact automatically”: no trigger starts a plan for them, but starting one by hand works.`);
  }
  if ((await findPlansRunningFor(db, contact.id)).includes(plan.id)) {
    notes.push(`“${plan.name}” is already running for ${contact.displayName}: starting it again adds its steps a second time.`);
  }
  const steps = await stepsFor(db, plan, contact, anchorDate);
  return { plan, preview: { planId: plan.id, planName: plan.name, contactId: contact.id, contactName: contact.displayName, anchorDate, steps, notes } };
}

export async function previewPlan(ctx: CoreContext, input: StartPlan): Promise<PlanPreview> {
  return (await previewIn(ctx.db, input, nowOf(ctx))).preview;
}

/** Started by hand: every step's follow-up in one transaction, or none. Not held back by the cap on automatic touches. */
export async function startPlan(ctx: CoreContext, input: StartPlan): Promise<PlanRun> {
  const started = await mutate(ctx, {
    run: async (tx) => {
      await ensureBuiltInPlans(tx);
      const at = nowOf(ctx);
      const { plan, preview } = await previewIn(tx, input, at);
      if (plan.enabled === 0) throw invalid('planId', `“${plan.name}” is switched off. Switch it on in Plans, then start it.`);
      const now = nextTimestamp(undefined, at);
      const made = await makeRun(tx, { plan, contactId: preview.contactId, anchorDate: preview.anchorDate, steps: preview.steps, automatic: false, startedBy: 'By hand', now });
      const [run] = await loadRuns(tx, { runId: made.runId });
      return { run: run!, followupIds: made.followupIds };
    },
    changed: ({ run, followupIds }): CoreEvent[] => [
      { name: 'plans.runsChanged', payload: { runIds: [run.id], contactIds: [run.contactId], reason: 'started' } },
      { name: 'followups.changed', payload: { ids: followupIds, contactIds: [run.contactId], reason: 'created' } },
    ],
  });
  return started.run;
}

/** Its open follow-ups go to the Trash; done and skipped ones stay, with the history they logged. */
export async function cancelRun(ctx: CoreContext, runId: string): Promise<PlanRun> {
  const cancelled = await mutate(ctx, {
    run: async (tx) => {
      const row = await findRunById(tx, runId);
      if (!row) throw new AppError('NOT_FOUND', 'That running plan no longer exists.', { runId });
      const [before] = await loadRuns(tx, { runId });
      if (before!.status === 'finished') throw new AppError('CONFLICT', `“${before!.planName}” has finished: nothing is left to cancel.`, { current: before });
      if (before!.status === 'cancelled') return { run: before!, deleted: [] };
      const now = nextTimestamp(undefined, nowOf(ctx));
      const deleted = await deleteOpenFollowupsIn(tx, now, before!.steps.flatMap((step) => (step.followupId ? [step.followupId] : [])));
      await setRunCancelled(tx, runId, now);
      const [run] = await loadRuns(tx, { runId });
      return { run: run!, deleted };
    },
    changed: ({ run, deleted }): CoreEvent[] => [
      { name: 'plans.runsChanged', payload: { runIds: [run.id], contactIds: [run.contactId], reason: 'cancelled' } },
      { name: 'followups.changed', payload: { ids: deleted, contactIds: [run.contactId], reason: 'deleted' } },
    ],
  });
  return cancelled.run;
}

export async function listRuns(ctx: CoreContext, query: { contactId?: string | undefined; status?: PlanRun['status'] | undefined }): Promise<PlanRun[]> {
  const runs = await loadRuns(ctx.db, { contactId: query.contactId });
  return query.status === undefined ? runs : runs.filter((run) => run.status === query.status);
}

/** What the cap on automatic touches held back, newest first. */
export async function listHeldBack(ctx: CoreContext): Promise<HeldBackTouch[]> {
  return (await findHeldBack(ctx.db, 500)).map((row) => ({
    id: row.id,
    contactId: row.contact_id,
    contactName: row.contact_name,
    planId: row.plan_id,
    planName: row.plan_name,
    stepTitle: row.step_title,
    dueDate: row.due_date,
    reason: row.reason,
    heldAt: row.held_at,
  }));
}
