import type { InteractionKind } from '../../../shared/history/history.schemas.ts';
import { promptPlaceholders, type PlanStepKind, type PlanTrigger, type PlannedStep, type StepOffset } from '../../../shared/plans/plans.schemas.ts';
import { formatLocalDate } from '../../ui/dates.ts';
import { followupKindWords } from '../followups/followup-words.ts';
import { kindWords } from '../history/history-words.ts';

export const stepKindWords: Record<PlanStepKind, string> = { reach_out: 'Reach out (their preferred way)', ...followupKindWords };

export const purchaseKindWords = { first_purchase: 'their first purchase', sale: 'a sale', closing: 'a home closing' } as const;

const unitWords: Record<StepOffset['unit'], [string, string]> = {
  days: ['day', 'days'],
  weeks: ['week', 'weeks'],
  months: ['month', 'months'],
  years: ['year', 'years'],
};

/** "Same day", "2 days after", "1 year after". */
export function offsetWords(offset: StepOffset): string {
  if (offset.amount === 0) return 'Same day';
  const [one, many] = unitWords[offset.unit];
  return `${offset.amount.toLocaleString()} ${offset.amount === 1 ? one : many} after`;
}

const article = (word: string) => (/^[aeiou]/i.test(word) ? 'an' : 'a');

/** "an inquiry with reason “rates”", "a contact tagged “new customer”", "a home closing". */
export function triggerWords(trigger: PlanTrigger): string {
  switch (trigger.on) {
    case 'interaction': {
      const kind = trigger.interactionKind ? kindWords[trigger.interactionKind as InteractionKind].toLowerCase() : null;
      const base = kind ? `${article(kind)} ${kind}` : 'an interaction';
      return trigger.reason ? `${base} with reason “${trigger.reason}”` : base;
    }
    case 'contact_tagged':
      return `a contact created with tag “${trigger.tag}”`;
    case 'purchase':
      return purchaseKindWords[trigger.purchaseKind];
  }
}

/** "Starts when: an inquiry with reason “rates” or a complaint", or by hand only. */
export function startsWhen(triggers: readonly PlanTrigger[]): string {
  if (triggers.length === 0) return 'Started by hand only';
  return `Starts when: ${triggers.map(triggerWords).join(' or ')}`;
}

export const placeholderHint = `You can use ${promptPlaceholders.map((name) => `{${name}}`).join(' ')}`;

/** "Tue 2 Dec 2026 at 09:00". */
export function whenWords(step: Pick<PlannedStep, 'dueDate' | 'dueTime'>): string {
  return `${formatLocalDate(step.dueDate)}${step.dueTime ? ` at ${step.dueTime}` : ''}`;
}

export function countWords(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString()} ${count === 1 ? one : many}`;
}
