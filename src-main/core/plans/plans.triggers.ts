import type { CoreEvent } from '../../../shared/api/events.ts';
import type { InteractionKind } from '../../../shared/history/history.schemas.ts';
import type { PlannedStep, PlanTrigger } from '../../../shared/plans/plans.schemas.ts';
import { findContactBriefs } from '../contacts/contacts.service.ts';
import { nextTimestamp } from '../db/clock.ts';
import type { Db } from '../db/handle.ts';
import { newId } from '../db/ids.ts';
import { addToDate, localMoment } from '../followups/followups.service.ts';
import { readSettings } from '../settings/settings.service.ts';
import { allPlanRows, ensureBuiltInPlans, fieldsOf } from './plans.catalog.ts';
import { readableDate } from './plan-steps.ts';
import { findAutomaticTouchDates, findPlansRunningFor, insertHeldBack } from './plans.repository.ts';
import { makeRun, stepsFor } from './plans.running.ts';

// Plans started by events, inside the event's own write (the interaction
// logged, the contact created, the purchase recorded): the plan starts with it
// or not at all, never half. The event's service calls these directly rather
// than through a published event, because events go out after commit and a
// trigger must share the event's transaction.

type Occasion = {
  contactId: string;
  /** The anchor: the local day the event happened. */
  anchorDate: string;
  /** The trigger in words, for the run's "started by". */
  startedBy: string;
  matches: (trigger: PlanTrigger) => boolean;
};

/** The steps the cap lets through: at most `cap` automatic touches for one contact in any 30 days. */
async function applyCap(db: Db, contactId: string, steps: PlannedStep[], cap: number): Promise<{ made: PlannedStep[]; held: Array<{ step: PlannedStep; reason: string }> }> {
  if (steps.length === 0) return { made: [], held: [] };
  const dates = steps.map((step) => step.dueDate).sort();
  const touches = await findAutomaticTouchDates(db, contactId, addToDate(dates[0]!, -29, 'days'), addToDate(dates.at(-1)!, 29, 'days'));
  const made: PlannedStep[] = [];
  const held: Array<{ step: PlannedStep; reason: string }> = [];
  for (const step of steps) {
    const fits = Array.from({ length: 30 }, (_, back) => addToDate(step.dueDate, -back, 'days')).every((start) => {
      const end = addToDate(start, 29, 'days');
      return touches.filter((date) => date >= start && date <= end).length < cap;
    });
    if (fits) {
      made.push(step);
      touches.push(step.dueDate);
    } else {
      const reason = cap === 0
        ? 'Automatic touches are set to 0 per 30 days in Settings.'
        : `Already ${cap} automatic ${cap === 1 ? 'touch' : 'touches'} within 30 days of ${readableDate(step.dueDate)} (the limit in Settings).`;
      held.push({ step, reason });
    }
  }
  return { made: made.map((step, index) => ({ ...step, index })), held };
}

async function fire(db: Db, at: number, occasion: Occasion): Promise<CoreEvent[]> {
  const plans = (await allPlanRows(db)).filter((plan) => plan.enabled === 1 && fieldsOf(plan).triggers.some(occasion.matches));
  if (plans.length === 0) return [];
  const [contact] = await findContactBriefs(db, [occasion.contactId]);
  // A contact marked "do not contact automatically" gets no triggered plan: that is their choice, so nothing is listed either.
  if (!contact || contact.inTrash || contact.doNotContactAutomatically) return [];
  await ensureBuiltInPlans(db);
  const running = new Set(await findPlansRunningFor(db, contact.id));
  const { automaticTouchesPer30Days: cap } = await readSettings(db);
  const now = nextTimestamp(undefined, at);
  const runIds: string[] = [];
  const followupIds: string[] = [];
  let heldAny = false;
  for (const plan of plans) {
    if (running.has(plan.id)) continue;
    const { made, held } = await applyCap(db, contact.id, await stepsFor(db, plan, contact, occasion.anchorDate), cap);
    if (made.length > 0) {
      const run = await makeRun(db, { plan, contactId: contact.id, anchorDate: occasion.anchorDate, steps: made, automatic: true, startedBy: occasion.startedBy, now });
      runIds.push(run.runId);
      followupIds.push(...run.followupIds);
    }
    await insertHeldBack(
      db,
      held.map(({ step, reason }) => ({ id: newId(), contact_id: contact.id, plan_id: plan.id, plan_name: plan.name, step_title: step.title, due_date: step.dueDate, reason, held_at: now })),
    );
    heldAny ||= held.length > 0;
  }
  const contactIds = [contact.id];
  const events: CoreEvent[] = [];
  if (runIds.length > 0) {
    events.push({ name: 'plans.runsChanged', payload: { runIds, contactIds, reason: 'triggered' } });
    events.push({ name: 'followups.changed', payload: { ids: followupIds, contactIds, reason: 'created' } });
  }
  if (heldAny) events.push({ name: 'plans.runsChanged', payload: { runIds: [], contactIds, reason: 'held_back' } });
  return events;
}

const sameText = (a: string, b: string) => a.localeCompare(b, undefined, { sensitivity: 'accent' }) === 0;

/** An interaction logged: plans whose trigger names its kind and/or one of its reasons (any case). Returns the events to publish. */
export async function fireInteractionTriggers(db: Db, at: number, interaction: { contactId: string; kind: InteractionKind; reasons: string[]; occurredAt: string }): Promise<CoreEvent[]> {
  return fire(db, at, {
    contactId: interaction.contactId,
    anchorDate: localMoment(Date.parse(interaction.occurredAt)).date,
    startedBy: `${interaction.kind.replace('_', ' ')}${interaction.reasons.length > 0 ? ` with reason “${interaction.reasons.join('”, “')}”` : ''}`,
    matches: (trigger) =>
      trigger.on === 'interaction' &&
      (trigger.interactionKind !== null || trigger.reason !== null) &&
      (trigger.interactionKind === null || trigger.interactionKind === interaction.kind) &&
      (trigger.reason === null || interaction.reasons.some((reason) => sameText(reason, trigger.reason!))),
  });
}

/** Tags a contact got (when created, or added later): plans whose trigger names one of them (any case). */
export async function fireContactTaggedTriggers(db: Db, at: number, tagged: { contactId: string; tags: string[] }): Promise<CoreEvent[]> {
  if (tagged.tags.length === 0) return [];
  return fire(db, at, {
    contactId: tagged.contactId,
    anchorDate: localMoment(at).date,
    startedBy: `tagged “${tagged.tags.join('”, “')}”`,
    matches: (trigger) => trigger.on === 'contact_tagged' && tagged.tags.some((tag) => sameText(tag, trigger.tag)),
  });
}

/**
 * A purchase recorded (the commerce issue calls this inside its own write):
 * plans triggered by any sale, by a home closing, or by the customer's first
 * purchase. A refund starts nothing. Returns the events to publish.
 */
export async function firePurchaseTriggers(
  db: Db,
  at: number,
  purchase: { contactId: string; kind: 'sale' | 'closing' | 'refund'; isFirstPurchase: boolean; date: string },
): Promise<CoreEvent[]> {
  if (purchase.kind === 'refund') return [];
  const kinds = new Set<string>(['sale', purchase.kind, ...(purchase.isFirstPurchase ? ['first_purchase'] : [])]);
  return fire(db, at, {
    contactId: purchase.contactId,
    anchorDate: purchase.date,
    startedBy: purchase.kind === 'closing' ? 'home closing' : purchase.isFirstPurchase ? 'first purchase' : 'sale',
    matches: (trigger) => trigger.on === 'purchase' && kinds.has(trigger.purchaseKind),
  });
}
