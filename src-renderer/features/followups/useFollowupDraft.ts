import { useState } from 'react';
import type { Followup, FollowupKind, Recurrence } from '../../../shared/followups/followups.schemas.ts';
import { todayLocal } from '../../ui/dates.ts';
import { placeSaveProblem } from '../../ui/save-problem.ts';
import { createFollowup } from './followup-editing.ts';
import { suggestedTitle } from './followup-words.ts';

export type FollowupDraft = {
  kind: FollowupKind;
  title: string;
  /** True once the user typed a title: then a new kind no longer replaces it. */
  titleTouched: boolean;
  dueDate: string;
  dueTime: string;
  prompt: string;
  repeatUnit: Recurrence['unit'] | '';
  repeatEvery: string;
};

export type DraftErrors = Partial<Record<'kind' | 'title' | 'dueDate' | 'dueTime' | 'prompt' | 'repeat', string>>;

const fieldOf: Record<string, keyof DraftErrors> = { kind: 'kind', title: 'title', dueDate: 'dueDate', dueTime: 'dueTime', prompt: 'prompt', recurrence: 'repeat' };

function freshDraft(firstName: string): FollowupDraft {
  return { kind: 'handwritten_note', title: suggestedTitle('handwritten_note', firstName), titleTouched: false, dueDate: todayLocal(), dueTime: '', prompt: '', repeatUnit: '', repeatEvery: '1' };
}

/** The Add follow-up form: a type, a title suggested from it, a date (today unless changed). */
export function useFollowupDraft(contactId: string, firstName: string, onSaved: (saved: Followup) => void) {
  const [draft, setDraft] = useState(() => freshDraft(firstName));
  const [errors, setErrors] = useState<DraftErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const edit = (change: Partial<FollowupDraft>) =>
    setDraft((current) => {
      const next = { ...current, ...change };
      if (change.title !== undefined) next.titleTouched = true;
      if (change.kind && !next.titleTouched) next.title = suggestedTitle(change.kind, firstName);
      return next;
    });

  const save = async () => {
    if (saving) return;
    const every = Number(draft.repeatEvery);
    if (draft.repeatUnit !== '' && (!Number.isInteger(every) || every < 1)) {
      setErrors({ repeat: 'Repeat at least every 1.' });
      return;
    }
    setSaving(true);
    const result = await createFollowup({
      contactId,
      kind: draft.kind,
      title: draft.title,
      dueDate: draft.dueDate.trim(),
      dueTime: draft.dueTime === '' ? null : draft.dueTime,
      prompt: draft.prompt,
      recurrence: draft.repeatUnit === '' ? null : { every, unit: draft.repeatUnit },
    });
    setSaving(false);
    if ('saved' in result) {
      setErrors({});
      setMessage(null);
      setDraft(freshDraft(firstName));
      onSaved(result.saved);
      return;
    }
    const placed = placeSaveProblem(result.problem, fieldOf);
    // A message for the whole form leaves the field messages as they were.
    if (!('message' in result.problem)) setErrors(placed.errors);
    setMessage(placed.message);
  };

  return { draft, edit, errors, message, saving, save };
}
