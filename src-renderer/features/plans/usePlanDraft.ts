import { useMemo, useState } from 'react';
import type { Plan } from '../../../shared/plans/plans.schemas.ts';
import { draftFromPlan, newStep, newTrigger, sameDraft, toPlanFields, type PlanDraft, type PlanErrors, type StepDraft, type TriggerDraft } from './plan-draft.ts';
import { savePlan } from './plan-editing.ts';

/** The plan editor's draft: fields, triggers and steps as typed, and saving them with what may come back. */
export function usePlanDraft(plan: Plan | null, onSaved: (saved: Plan) => void) {
  const [base, setBase] = useState(plan);
  const [draft, setDraft] = useState<PlanDraft>(() => draftFromPlan(plan));
  const [expectedUpdatedAt, setExpectedUpdatedAt] = useState(plan?.updatedAt ?? null);
  const [errors, setErrors] = useState<PlanErrors>({});
  const [conflict, setConflict] = useState<Plan | null>(null);
  const [saving, setSaving] = useState(false);
  /** Saved and not changed since: what the status beside Save says. */
  const [justSaved, setJustSaved] = useState(false);
  const dirty = useMemo(() => !sameDraft(draft, draftFromPlan(base)), [draft, base]);

  const change = (next: (current: PlanDraft) => PlanDraft) => {
    setDraft(next);
    setJustSaved(false);
  };
  const edit = (fields: Partial<PlanDraft>) => change((current) => ({ ...current, ...fields }));
  const editStep = (index: number, fields: Partial<StepDraft>) =>
    change((current) => ({ ...current, steps: current.steps.map((step, at) => (at === index ? { ...step, ...fields } : step)) }));
  const editTrigger = (index: number, fields: Partial<TriggerDraft>) =>
    change((current) => ({ ...current, triggers: current.triggers.map((trigger, at) => (at === index ? { ...trigger, ...fields } : trigger)) }));

  // Errors are placed by position: moving or removing a row clears them rather than leave one beside the wrong row.
  const reshape = (fields: (current: PlanDraft) => Partial<PlanDraft>) => {
    change((current) => ({ ...current, ...fields(current) }));
    setErrors({});
  };
  const addStep = () => reshape((current) => ({ steps: [...current.steps, newStep()] }));
  const removeStep = (index: number) => reshape((current) => ({ steps: current.steps.filter((_, at) => at !== index) }));
  const moveStep = (index: number, by: -1 | 1) =>
    reshape((current) => {
      const steps = [...current.steps];
      const [moved] = steps.splice(index, 1);
      if (moved) steps.splice(index + by, 0, moved);
      return { steps };
    });
  const addTrigger = () => reshape((current) => ({ triggers: [...current.triggers, newTrigger()] }));
  const removeTrigger = (index: number) => reshape((current) => ({ triggers: current.triggers.filter((_, at) => at !== index) }));

  /** `overwrite`: after a conflict, save over the version just fetched. */
  const save = async (overwrite = false) => {
    if (saving) return;
    const prepared = toPlanFields(draft);
    if ('errors' in prepared) {
      setErrors(prepared.errors);
      return;
    }
    setSaving(true);
    const expected = overwrite && conflict ? conflict.updatedAt : expectedUpdatedAt;
    const outcome = await savePlan(base && expected ? { id: base.id, expectedUpdatedAt: expected } : null, prepared.fields);
    setSaving(false);
    if ('saved' in outcome) {
      setErrors({});
      setConflict(null);
      setBase(outcome.saved);
      setExpectedUpdatedAt(outcome.saved.updatedAt);
      setDraft(draftFromPlan(outcome.saved));
      setJustSaved(true);
      onSaved(outcome.saved);
    } else if ('conflict' in outcome) {
      setConflict(outcome.conflict);
    } else if ('errors' in outcome) {
      setErrors(outcome.errors);
    } else {
      setErrors({ form: outcome.message });
    }
  };

  /** After a conflict: drop the edits and show the stored version. */
  const takeTheirs = () => {
    if (!conflict) return;
    setBase(conflict);
    setDraft(draftFromPlan(conflict));
    setExpectedUpdatedAt(conflict.updatedAt);
    setConflict(null);
    setErrors({});
  };

  return { base, draft, dirty, justSaved, errors, conflict, saving, edit, editStep, editTrigger, addStep, removeStep, moveStep, addTrigger, removeTrigger, save, takeTheirs };
}
