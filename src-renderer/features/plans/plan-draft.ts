import { z } from 'zod';
import { FieldProblem } from '../../../shared/api/errors.ts';
import type { InteractionKind } from '../../../shared/history/history.schemas.ts';
import type { Plan, PlanFieldsInput, PlanStepKind, PlanTrigger, StepOffset } from '../../../shared/plans/plans.schemas.ts';

export type TriggerDraft = {
  key: number;
  on: PlanTrigger['on'];
  interactionKind: InteractionKind | '';
  reason: string;
  tag: string;
  purchaseKind: 'first_purchase' | 'sale' | 'closing';
};

export type StepDraft = {
  key: number;
  /** As typed: checked for a whole number before saving. */
  amount: string;
  unit: StepOffset['unit'];
  kind: PlanStepKind;
  title: string;
  prompt: string;
};

/** The editor as the user sees it: numbers as typed, triggers and steps in their order on screen. */
export type PlanDraft = {
  name: string;
  description: string;
  enabled: boolean;
  skipWeekends: boolean;
  triggers: TriggerDraft[];
  steps: StepDraft[];
};

/**
 * Errors by where they show: `name`, `description`, `triggers` (the list), `triggers.<i>`,
 * `triggers.<i>.reason`, `triggers.<i>.tag`, `steps` (the list), `steps.<i>.offset`,
 * `steps.<i>.kind`, `steps.<i>.title`, `steps.<i>.prompt`, or `form` for the rest.
 */
export type PlanErrors = Record<string, string>;

let nextKey = 1;
export const newKey = () => nextKey++;

export function newStep(): StepDraft {
  return { key: newKey(), amount: '0', unit: 'days', kind: 'reach_out', title: '', prompt: '' };
}

export function newTrigger(): TriggerDraft {
  return { key: newKey(), on: 'interaction', interactionKind: 'inquiry', reason: '', tag: '', purchaseKind: 'closing' };
}

function triggerDraft(trigger: PlanTrigger): TriggerDraft {
  const draft = newTrigger();
  switch (trigger.on) {
    case 'interaction':
      return { ...draft, interactionKind: trigger.interactionKind ?? '', reason: trigger.reason ?? '' };
    case 'contact_tagged':
      return { ...draft, on: 'contact_tagged', tag: trigger.tag };
    case 'purchase':
      return { ...draft, on: 'purchase', purchaseKind: trigger.purchaseKind };
  }
}

export function draftFromPlan(plan: Plan | null): PlanDraft {
  if (!plan) return { name: '', description: '', enabled: true, skipWeekends: false, triggers: [], steps: [newStep()] };
  return {
    name: plan.name,
    description: plan.description,
    enabled: plan.enabled,
    skipWeekends: plan.skipWeekends,
    triggers: plan.triggers.map(triggerDraft),
    steps: plan.steps.map((step) => ({ key: newKey(), amount: String(step.offset.amount), unit: step.offset.unit, kind: step.kind, title: step.title, prompt: step.prompt })),
  };
}

/** Whether two drafts say the same, keys aside. */
export function sameDraft(a: PlanDraft, b: PlanDraft): boolean {
  const strip = (draft: PlanDraft) => JSON.stringify({ ...draft, triggers: draft.triggers.map(({ key: _, ...rest }) => rest), steps: draft.steps.map(({ key: _, ...rest }) => rest) });
  return strip(a) === strip(b);
}

function triggerFields(trigger: TriggerDraft): PlanTrigger {
  switch (trigger.on) {
    case 'interaction':
      return { on: 'interaction', interactionKind: trigger.interactionKind === '' ? null : trigger.interactionKind, reason: trigger.reason.trim() === '' ? null : trigger.reason };
    case 'contact_tagged':
      return { on: 'contact_tagged', tag: trigger.tag };
    case 'purchase':
      return { on: 'purchase', purchaseKind: trigger.purchaseKind };
  }
}

/** The plan's fields in the order on screen (so the core's `steps.1.prompt` is the second step shown), or what to fix first. */
export function toPlanFields(draft: PlanDraft): { fields: PlanFieldsInput } | { errors: PlanErrors } {
  const errors: PlanErrors = {};
  draft.steps.forEach((step, index) => {
    if (!/^\d+$/.test(step.amount.trim())) errors[`steps.${index}.offset`] = 'Enter the offset as a whole number, like 2.';
  });
  if (Object.keys(errors).length > 0) return { errors };
  return {
    fields: {
      name: draft.name,
      description: draft.description,
      enabled: draft.enabled,
      skipWeekends: draft.skipWeekends,
      triggers: draft.triggers.map(triggerFields),
      steps: draft.steps.map((step) => ({ offset: { amount: Number(step.amount.trim()), unit: step.unit }, kind: step.kind, title: step.title, prompt: step.prompt })),
    },
  };
}

const placed = /^(name|description|triggers|steps)$|^triggers\.\d+(\.(reason|tag))?$|^steps\.\d+\.(offset|kind|title|prompt)$/;

/** Where a core message shows: the deepest place the editor has for its path. Updates carry a `fields.` prefix. */
export function errorKeyFor(path: string): string {
  const parts = path.replace(/^fields\./, '').split('.');
  for (let length = parts.length; length > 0; length--) {
    const key = parts.slice(0, length).join('.');
    if (placed.test(key)) return key;
  }
  return 'form';
}

const ValidationDetails = z.object({ fields: z.array(FieldProblem) });

/** A VALIDATION answer's messages by place; the first per place is shown. */
export function errorsFromDetails(details: unknown): PlanErrors | null {
  const parsed = ValidationDetails.safeParse(details);
  if (!parsed.success || parsed.data.fields.length === 0) return null;
  const errors: PlanErrors = {};
  for (const problem of parsed.data.fields) errors[errorKeyFor(problem.path)] ??= problem.message;
  return errors;
}
