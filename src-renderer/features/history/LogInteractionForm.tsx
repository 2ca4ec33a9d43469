import type { FormEvent, KeyboardEvent } from 'react';
import type { PreferredChannel } from '../../../shared/contacts/contacts.schemas.ts';
import { Direction, InteractionChannel, InteractionKind, type Interaction } from '../../../shared/history/history.schemas.ts';
import { Button } from '../../ui/Button.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { todayLocal } from '../../ui/dates.ts';
import { ReferrerPicker } from './ReferrerPicker.tsx';
import { channelWords, directionWords, kindWords } from './history-words.ts';
import { useInteractionDraft, type InteractionDraft } from './useInteractionDraft.ts';

const kindOptions = InteractionKind.options.map((kind) => ({ value: kind, label: kindWords[kind] }));
const directionOptions = Direction.options.map((direction) => ({ value: direction, label: directionWords[direction] }));
const channelOptions = [{ value: '', label: 'Not recorded' }, ...InteractionChannel.options.map((channel) => ({ value: channel, label: channelWords[channel] }))];

type Props = {
  contactId: string;
  preferredChannel: PreferredChannel | null;
  onSaved: (saved: Interaction) => void;
  onCancel: () => void;
  /** The entry to edit; without it the form logs a new one. */
  editing?: Interaction;
};

/** The quick form: kind, a line of summary, Enter. Everything else has a sensible default. */
export function LogInteractionForm({ contactId, preferredChannel, onSaved, onCancel, editing }: Props) {
  const { draft, edit, errors, message, saving, save } = useInteractionDraft(contactId, preferredChannel, onSaved, editing ?? null);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void save();
  };
  // Esc closes the form, not the contact page behind it.
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.nativeEvent.preventDefault();
    onCancel();
  };
  const moreHasErrors = Boolean(errors.minutes ?? errors.cost ?? errors.outcome);
  return (
    <form className="quick-form" aria-label={editing ? 'Edit an entry' : 'Log an interaction'} onSubmit={onSubmit} onKeyDown={onKeyDown} noValidate>
      {message && (
        <p className="error-banner" role="alert">
          {message}
        </p>
      )}
      <div className="field-row">
        <SelectField label="Kind" value={draft.kind} options={kindOptions} onChange={(kind) => edit({ kind: kind as InteractionDraft['kind'] })} error={errors.kind} />
        <TextField label="Date" type="date" value={draft.date} max={todayLocal()} onChange={(date) => edit({ date })} error={errors.date} />
      </div>
      {draft.kind === 'referral' && (
        <ReferrerPicker name={draft.referredBy} referredById={draft.referredById} excludeId={contactId} onChange={({ name, id }) => edit({ referredBy: name, referredById: id })} error={errors.referredBy} />
      )}
      <TextField label="Summary" value={draft.summary} onChange={(summary) => edit({ summary })} error={errors.summary} autoFocus placeholder="What was it about?" />
      <TextField label="Reason" value={draft.reasons} onChange={(reasons) => edit({ reasons })} error={errors.reasons} hint="Separate reasons with commas, e.g. asked about rates, renewal" />
      <div className="field-row">
        <SelectField label="Direction" value={draft.direction} options={directionOptions} onChange={(direction) => edit({ direction: direction as InteractionDraft['direction'] })} error={errors.direction} />
        <SelectField label="Channel" value={draft.channel} options={channelOptions} onChange={(channel) => edit({ channel: channel as InteractionDraft['channel'] })} error={errors.channel} />
      </div>
      <details className="more" open={moreHasErrors || undefined}>
        <summary>More</summary>
        <div className="field-row">
          <TextField label="Minutes" inputMode="numeric" value={draft.minutes} onChange={(minutes) => edit({ minutes })} error={errors.minutes} hint="Leave empty for the usual time for this kind" />
          <TextField label="Cost" inputMode="decimal" value={draft.cost} onChange={(cost) => edit({ cost })} error={errors.cost} hint="Money spent, e.g. a gift's price" />
        </div>
        <TextField label="Outcome" value={draft.outcome} onChange={(outcome) => edit({ outcome })} error={errors.outcome} />
      </details>
      <div className="form-actions">
        <Button type="submit" variant="primary" disabled={saving}>
          {editing ? 'Save changes' : 'Save interaction'}
        </Button>
        <Button variant="quiet" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
