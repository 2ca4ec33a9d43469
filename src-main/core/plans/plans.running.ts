import type { PlannedStep, PlanRun } from '../../../shared/plans/plans.schemas.ts';
import { findContactBriefs, type ContactBrief } from '../contacts/contacts.service.ts';
import type { Db } from '../db/handle.ts';
import { newId } from '../db/ids.ts';
import { createFollowupsIn, localMoment } from '../followups/followups.service.ts';
import { readSettings } from '../settings/settings.service.ts';
import { fieldsOf, invalid } from './plans.catalog.ts';
import { planSteps, readableDate, type PlaceholderValues } from './plan-steps.ts';
import { findRunSteps, findRuns, insertRun, type RunStepWithState } from './plans.repository.ts';
import type { PlanRow, PlanRunRow } from './plans.table.ts';

/** The contact a plan is for, if a plan may start for them now. */
export async function requireLiveContact(db: Db, contactId: string): Promise<ContactBrief> {
  const [contact] = await findContactBriefs(db, [contactId]);
  if (!contact) throw invalid('contactId', 'That contact no longer exists. Choose another contact.');
  if (contact.inTrash) throw invalid('contactId', `${contact.displayName} is in the Trash. Restore them first to start a plan.`);
  return contact;
}

export function placeholderValues(plan: PlanRow, contact: ContactBrief, anchorDate: string): PlaceholderValues {
  return {
    firstName: contact.firstName || contact.displayName,
    lastName: contact.lastName,
    displayName: contact.displayName,
    company: contact.company,
    city: contact.city,
    anchorDate: readableDate(anchorDate),
    lastInteraction: contact.lastInteractionAt ? readableDate(localMoment(Date.parse(contact.lastInteractionAt)).date) : '—',
    planName: plan.name,
  };
}

/** The plan's steps made concrete for this contact from this anchor. */
export async function stepsFor(db: Db, plan: PlanRow, contact: ContactBrief, anchorDate: string): Promise<PlannedStep[]> {
  const { hours } = await readSettings(db);
  return planSteps(fieldsOf(plan), anchorDate, contact, hours, placeholderValues(plan, contact, anchorDate));
}

type NewRun = { plan: PlanRow; contactId: string; anchorDate: string; steps: PlannedStep[]; automatic: boolean; startedBy: string; now: string };

/** The run and one follow-up per step, inside the caller's transaction: all of them or, when one fails, none. */
export async function makeRun(db: Db, run: NewRun): Promise<{ runId: string; followupIds: string[] }> {
  const followupIds = await createFollowupsIn(
    db,
    run.now,
    run.contactId,
    run.steps.map((step) => ({ kind: step.kind, title: step.title, dueDate: step.dueDate, dueTime: step.dueTime, prompt: step.prompt, recurrence: null })),
  );
  const runId = newId();
  const row: PlanRunRow = {
    id: runId,
    plan_id: run.plan.id,
    plan_name: run.plan.name,
    contact_id: run.contactId,
    anchor_date: run.anchorDate,
    started_at: run.now,
    started_by: run.startedBy,
    automatic: run.automatic ? 1 : 0,
    cancelled_at: null,
  };
  const steps = run.steps.map((step, position) => ({
    run_id: runId,
    position,
    kind: step.kind,
    title: step.title,
    prompt: step.prompt,
    due_date: step.dueDate,
    due_time: step.dueTime,
    followup_id: followupIds[position] ?? null,
  }));
  await insertRun(db, row, steps);
  return { runId, followupIds };
}

function stateOf(step: RunStepWithState): PlanRun['steps'][number]['state'] {
  if (step.status === null || step.deleted_at !== null) return 'cancelled';
  return step.status;
}

/** Runs with their steps' states read from the follow-ups they made: running while one is open. */
export async function loadRuns(db: Db, filter: { contactId?: string | undefined; runId?: string }): Promise<PlanRun[]> {
  const rows = await findRuns(db, filter);
  const steps = Map.groupBy(await findRunSteps(db, rows.map((row) => row.id)), (step) => step.run_id);
  return rows.map((row) => {
    const mine = (steps.get(row.id) ?? []).map((step) => ({
      index: step.position,
      kind: step.kind as PlannedStep['kind'],
      title: step.title,
      prompt: step.prompt,
      dueDate: step.due_date,
      dueTime: step.due_time,
      followupId: step.followup_id,
      state: stateOf(step),
    }));
    const open = mine.some((step) => step.state === 'open');
    return {
      id: row.id,
      planId: row.plan_id,
      planName: row.plan_name,
      contactId: row.contact_id,
      contactName: row.contact_name,
      anchorDate: row.anchor_date,
      startedAt: row.started_at,
      startedBy: row.started_by,
      status: row.cancelled_at !== null ? 'cancelled' : open ? 'running' : 'finished',
      cancelledAt: row.cancelled_at,
      steps: mine,
      done: mine.filter((step) => step.state === 'done' || step.state === 'skipped').length,
      total: mine.length,
    };
  });
}
