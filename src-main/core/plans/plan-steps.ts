import type { PreferredChannel, PreferredTime } from '../../../shared/contacts/contacts.schemas.ts';
import type { FollowupKind } from '../../../shared/followups/followups.schemas.ts';
import { promptPlaceholders, type PlanFields, type PlannedStep, type PlanStep } from '../../../shared/plans/plans.schemas.ts';
import type { Settings } from '../../../shared/settings/settings.schemas.ts';
import { addToDate } from '../followups/followups.service.ts';

// A plan's steps made concrete for one contact: the date from the anchor, the
// time from their preferred time of day, the kind from their preferred channel,
// and the placeholders filled. Pure: the service brings the data.

export type Placeholder = (typeof promptPlaceholders)[number];
export type PlaceholderValues = Record<Placeholder, string>;

const known = new Set<string>(promptPlaceholders);
const placeholderPattern = /\{([^{}]*)\}/g;

/** The first unknown placeholder in a plan's steps, in the user's words with the field it sits in, or null. */
export function unknownPlaceholder(steps: PlanStep[]): { path: string; message: string } | null {
  for (const [index, step] of steps.entries()) {
    for (const field of ['title', 'prompt'] as const) {
      for (const [, name] of step[field].matchAll(placeholderPattern)) {
        if (known.has(name!)) continue;
        const list = promptPlaceholders.map((each) => `{${each}}`).join(', ');
        return { path: `steps.${index}.${field}`, message: `Step ${index + 1}'s ${field} uses {${name}}, which Ambassador does not know. Use one of ${list}.` };
      }
    }
  }
  return null;
}

export function fillPlaceholders(text: string, values: PlaceholderValues): string {
  return text.replace(placeholderPattern, (whole, name: string) => (known.has(name) ? values[name as Placeholder] : whole));
}

/** "2 December 2026": a date as a letter would write it. */
export function readableDate(date: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day)).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** Saturday and Sunday move to the Monday after. */
export function skipWeekend(date: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return weekday === 6 ? addToDate(date, 2, 'days') : weekday === 0 ? addToDate(date, 1, 'days') : date;
}

/** "Reach out" becomes the contact's preferred channel; a call when they have none. */
const channelKind: Record<PreferredChannel, FollowupKind> = { phone: 'call', mail: 'card', email: 'email', sms: 'text', in_person: 'visit' };

export function dueTimeFor(preferred: PreferredTime | null, hours: Settings['hours']): string | null {
  if (preferred === null || preferred === 'any') return null;
  return `${String(hours[preferred]).padStart(2, '0')}:00`;
}

export type StepContact = { preferredChannel: PreferredChannel | null; preferredTime: PreferredTime | null };

/** Every step of the plan as the follow-up it makes for this contact from this anchor. */
export function planSteps(plan: Pick<PlanFields, 'steps' | 'skipWeekends'>, anchorDate: string, contact: StepContact, hours: Settings['hours'], values: PlaceholderValues): PlannedStep[] {
  const dueTime = dueTimeFor(contact.preferredTime, hours);
  return plan.steps.map((step, index) => {
    const date = addToDate(anchorDate, step.offset.amount, step.offset.unit);
    return {
      index,
      kind: step.kind === 'reach_out' ? (contact.preferredChannel ? channelKind[contact.preferredChannel] : 'call') : step.kind,
      title: fillPlaceholders(step.title, values).slice(0, 200),
      prompt: fillPlaceholders(step.prompt, values).slice(0, 5_000),
      dueDate: plan.skipWeekends ? skipWeekend(date) : date,
      dueTime,
    };
  });
}
