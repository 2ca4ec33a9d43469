import { useEffect, useState, type FormEvent } from 'react';
import type { Settings } from '../../../shared/settings/settings.schemas.ts';
import { api } from '../../api/api.ts';
import { Button } from '../../ui/Button.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { showToast } from '../../ui/toast.store.ts';
import { useSettings } from '../settings/settings.store.ts';
import { changeOf, draftOf, placeRefusal, settingsFields, type SettingsDraft, type SettingsErrors } from './settings-draft.ts';

/** The settings behind the figures, folded away until wanted. */
export function InsightsSettings() {
  const { settings, error } = useSettings();
  useEffect(() => void useSettings.getState().refresh(), []);
  return (
    <details className="panel insights-settings">
      <summary>Insights settings</summary>
      {error && <p className="field-error">{error}</p>}
      {settings && <SettingsForm key={JSON.stringify(draftOf(settings))} settings={settings} />}
    </details>
  );
}

function SettingsForm({ settings }: { settings: Settings }) {
  const [draft, setDraft] = useState<SettingsDraft>(() => draftOf(settings));
  const [errors, setErrors] = useState<SettingsErrors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    const result = changeOf(draft, settings);
    if ('errors' in result) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    setSaving(true);
    try {
      await api.invoke('settings.update', result.change);
      // A toast, not the form's status line: the saved settings come back and renew the form.
      showToast({ message: 'Settings saved: the figures follow at the next recompute' });
    } catch (thrown) {
      const refusal = placeRefusal(thrown);
      setErrors(refusal.errors);
      setProblem(refusal.message ?? 'Not saved: correct the fields marked.');
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className="insights-settings-form" onSubmit={(event) => void onSubmit(event)} noValidate>
      <p className="panel-text">{`Money in ${settings.currency}.`}</p>
      <div className="settings-grid">
        {settingsFields.map((field) => (
          <TextField
            key={field.path}
            label={field.label}
            inputMode={field.kind === 'code' ? 'text' : field.kind === 'whole' ? 'numeric' : 'decimal'}
            value={draft[field.path]}
            onChange={(value) => setDraft({ ...draft, [field.path]: value })}
            error={errors[field.path]}
            hint={field.hint}
          />
        ))}
      </div>
      <div className="toolbar">
        <Button type="submit" disabled={saving}>
          Save settings
        </Button>
        <span className={problem ? 'field-error' : 'form-status'} role="status">
          {saving ? 'Saving…' : problem}
        </span>
      </div>
    </form>
  );
}
