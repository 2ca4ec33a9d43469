import type { FormEvent, KeyboardEvent } from 'react';
import { FollowupKind, type Followup } from '../../../shared/followups/followups.schemas.ts';
import { Button } from '../../ui/Button.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { followupKindWords } from './followup-words.ts';
import { useFollowupDraft, type FollowupDraft } from './useFollowupDraft.ts';

const kindOptions = FollowupKind.options.map((kind) => ({ value: kind, label: followupKindWords[kind] }));
const repeatOptions = [
  { value: '', label: 'Does not repeat' },
  { value: 'days', label: 'Days' },
  { value: 'weeks', label: 'Weeks' },
  { value: 'months', label: 'Months' },
  { value: 'years', label: 'Years' },
];

type Props = {
  contactId: string;
  firstName: string;
  onSaved: (saved: Followup) => void;
  onCancel: () => void;
};

export function AddFollowupForm({ contactId, firstName, onSaved, onCancel }: Props) {
  const { draft, edit, errors, message, saving, save } = useFollowupDraft(contactId, firstName, onSaved);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void save();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    onCancel();
  };
  return (
    <form className="quick-form" aria-label="New follow-up" onSubmit={onSubmit} onKeyDown={onKeyDown} noValidate>
      {message && (
        <p className="error-banner" role="alert">
          {message}
        </p>
      )}
      <div className="field-row">
        <SelectField label="Follow-up type" value={draft.kind} options={kindOptions} onChange={(kind) => edit({ kind: kind as FollowupDraft['kind'] })} error={errors.kind} />
        <TextField label="Due date" value={draft.dueDate} onChange={(dueDate) => edit({ dueDate })} error={errors.dueDate} placeholder="YYYY-MM-DD" hint="YYYY-MM-DD" />
      </div>
      <TextField label="Title" value={draft.title} onChange={(title) => edit({ title })} error={errors.title} autoFocus />
      <TextField label="Prompt" multiline value={draft.prompt} onChange={(prompt) => edit({ prompt })} error={errors.prompt} hint="What to write or say, so it is ready when the day comes" />
      <details className="more" open={Boolean(errors.dueTime ?? errors.repeat) || undefined}>
        <summary>More</summary>
        <div className="field-row">
          <TextField label="Time" type="time" value={draft.dueTime} onChange={(dueTime) => edit({ dueTime })} error={errors.dueTime} />
          <SelectField label="Repeat" value={draft.repeatUnit} options={repeatOptions} onChange={(unit) => edit({ repeatUnit: unit as FollowupDraft['repeatUnit'] })} error={errors.repeat} />
          {draft.repeatUnit !== '' && <TextField label="Every" inputMode="numeric" value={draft.repeatEvery} onChange={(repeatEvery) => edit({ repeatEvery })} />}
        </div>
      </details>
      <div className="form-actions">
        <Button type="submit" variant="primary" disabled={saving}>
          Save follow-up
        </Button>
        <Button variant="quiet" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
