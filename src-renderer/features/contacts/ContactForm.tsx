import { useEffect, useRef, type FormEvent } from 'react';
import type { Contact } from '../../../shared/contacts/contacts.schemas.ts';
import { Button } from '../../ui/Button.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { TextField } from '../../ui/TextField.tsx';
import type { Draft } from './contact-draft.ts';
import { CompanyPicker } from './CompanyPicker.tsx';
import { EntryFields } from './EntryFields.tsx';
import { useContactDraft } from './useContactDraft.ts';

export const conflictMessage =
  'Someone else changed this contact while you were editing. Keep your version to save it over theirs, or use their version and drop your changes.';
export const unsavedMessage = 'You have unsaved changes.';

const kindOptions = [
  { value: 'person', label: 'Person' },
  { value: 'company', label: 'Company or household' },
] as const;
const channelOptions = [
  { value: '', label: 'No preference' },
  { value: 'email', label: 'Email' },
  { value: 'phone', label: 'Phone call' },
  { value: 'sms', label: 'Text message' },
  { value: 'mail', label: 'Letter or card' },
  { value: 'in_person', label: 'In person' },
] as const;
const timeOptions = [
  { value: '', label: 'No preference' },
  { value: 'morning', label: 'Morning' },
  { value: 'afternoon', label: 'Afternoon' },
  { value: 'evening', label: 'Evening' },
  { value: 'any', label: 'Any time' },
] as const;
const emailLabels = ['work', 'home', 'other'] as const;
const phoneLabels = ['mobile', 'work', 'home', 'other'] as const;

type ContactFormProps = {
  /** Null for a new contact. */
  contact: Contact | null;
  onSaved: (contact: Contact) => void;
  /** After a conflict the user chose the stored version: the form now shows `contact`. */
  onReplaced?: (contact: Contact) => void;
};

/** A contact's fields; `useContactDraft` keeps what is typed and saves it. */
export function ContactForm({ contact, onSaved, onReplaced }: ContactFormProps) {
  const { base, draft, dirty, restored, errors, problem, saving, savedAt, edit, save, startOver } = useContactDraft(contact, onSaved);
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [errors]);

  const saveRef = useRef(save);
  saveRef.current = save;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
        event.preventDefault();
        void saveRef.current();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void save();
  };

  return (
    <form ref={formRef} className="contact-form" onSubmit={onSubmit} noValidate aria-label="Contact details">
      {problem?.kind === 'conflict' && (
        <div className="error-banner" role="alert">
          <p>{conflictMessage}</p>
          <div className="banner-actions">
            <Button variant="primary" onClick={() => void save(problem.current.updatedAt)} disabled={saving}>
              Keep my version
            </Button>
            <Button
              onClick={() => {
                startOver(problem.current);
                onReplaced?.(problem.current);
              }}
              disabled={saving}
            >
              Use their version
            </Button>
          </div>
        </div>
      )}
      {restored && dirty && problem?.kind !== 'conflict' && (
        <div className="notice" role="status">
          <p>{unsavedMessage}</p>
          <Button onClick={() => startOver(base)}>Discard changes</Button>
        </div>
      )}
      {problem?.kind === 'message' && (
        <p className="error-banner" role="alert">
          {problem.text}
        </p>
      )}

      <fieldset>
        <legend>Who</legend>
        <SelectField label="Contact type" value={draft.kind} options={kindOptions} onChange={(value) => edit({ kind: value as Draft['kind'] })} error={errors.kind} />
        <div className="field-row">
          <TextField label="First name" value={draft.firstName} onChange={(firstName) => edit({ firstName })} error={errors.firstName} autoFocus={!base} />
          <TextField label="Last name" value={draft.lastName} onChange={(lastName) => edit({ lastName })} error={errors.lastName} />
        </div>
        {draft.kind === 'person' ? (
          <CompanyPicker name={draft.company} companyId={draft.companyId} onChange={edit} error={errors.company} />
        ) : (
          <TextField label="Company" value={draft.company} onChange={(company) => edit({ company })} error={errors.company} />
        )}
      </fieldset>

      <fieldset>
        <legend>How to reach them</legend>
        <EntryFields noun="Email" kindName="Inbox type" rows={draft.emails} labels={emailLabels} errors={errors} errorPrefix="emails" inputType="email" onChange={(emails) => edit({ emails })} />
        <EntryFields noun="Phone" kindName="Line type" rows={draft.phones} labels={phoneLabels} errors={errors} errorPrefix="phones" inputType="tel" onChange={(phones) => edit({ phones })} />
        <div className="field-row">
          <SelectField
            label="Reach them by"
            value={draft.preferredChannel}
            options={channelOptions}
            onChange={(value) => edit({ preferredChannel: value as Draft['preferredChannel'] })}
            error={errors.preferredChannel}
          />
          <SelectField
            label="Preferred time"
            value={draft.preferredTime}
            options={timeOptions}
            onChange={(value) => edit({ preferredTime: value as Draft['preferredTime'] })}
            error={errors.preferredTime}
          />
        </div>
      </fieldset>

      <fieldset>
        <legend>Address</legend>
        <TextField label="Street" value={draft.street} onChange={(street) => edit({ street })} error={errors.street} />
        <div className="field-row">
          <TextField label="Postal code" value={draft.postalCode} onChange={(postalCode) => edit({ postalCode })} error={errors.postalCode} />
          <TextField label="City" value={draft.city} onChange={(city) => edit({ city })} error={errors.city} />
        </div>
        <div className="field-row">
          <TextField label="Region" value={draft.region} onChange={(region) => edit({ region })} error={errors.region} />
          <TextField label="Country" value={draft.country} onChange={(country) => edit({ country })} error={errors.country} />
        </div>
      </fieldset>

      <fieldset>
        <legend>Relationship</legend>
        <div className="field-row">
          <TextField
            label="Birthday"
            value={draft.birthday}
            onChange={(birthday) => edit({ birthday })}
            error={errors.birthday}
            hint="YYYY-MM-DD, or --MM-DD if you do not know the year"
          />
          <TextField
            label="Keep in touch every (days)"
            inputMode="numeric"
            value={draft.keepInTouchDays}
            onChange={(keepInTouchDays) => edit({ keepInTouchDays })}
            error={errors.keepInTouchDays}
          />
        </div>
        <div className="checkbox-field-with-hint">
          <label className="checkbox-field">
            <input
              type="checkbox"
              checked={draft.doNotContactAutomatically}
              onChange={(event) => edit({ doNotContactAutomatically: event.target.checked })}
              aria-describedby="do-not-contact-hint"
            />
            Do not contact automatically
          </label>
          <p id="do-not-contact-hint" className="field-hint">
            No plan starts for them by itself. Plans still start by hand.
          </p>
          {errors.doNotContactAutomatically && <p className="field-error">{errors.doNotContactAutomatically}</p>}
        </div>
        <TextField label="Tags" value={draft.tags} onChange={(tags) => edit({ tags })} error={errors.tags} hint="Separate tags with commas, e.g. customer, newsletter" />
        <TextField label="Notes" multiline value={draft.notes} onChange={(notes) => edit({ notes })} error={errors.notes} />
      </fieldset>

      <div className="form-actions">
        <Button type="submit" variant="primary" disabled={saving} aria-busy={saving || undefined}>
          Save
        </Button>
        <span className="form-status" role="status">
          {saving ? 'Saving…' : savedAt ? 'Saved' : ''}
        </span>
        <span className="form-shortcut">Ctrl+S saves · Esc goes back and keeps unsaved changes</span>
      </div>
    </form>
  );
}
