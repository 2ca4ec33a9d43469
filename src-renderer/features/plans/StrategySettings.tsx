import { useEffect, useState, type FormEvent } from 'react';
import type { Settings } from '../../../shared/settings/settings.schemas.ts';
import { Button } from '../../ui/Button.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { updateStrategy } from './plan-editing.ts';
import { useSettings } from '../settings/settings.store.ts';

/** The relationship strategy's settings: how many automatic touches a contact gets, and when each time of day starts. */
export function StrategySettings() {
  const { settings, error } = useSettings();
  useEffect(() => {
    void useSettings.getState().refresh();
  }, []);
  return (
    <section className="panel" aria-labelledby="strategy-title">
      <h2 id="strategy-title">Relationship strategy</h2>
      <p className="panel-text">
        Steps fall due at the start of the contact’s preferred time of day. Triggers never start more automatic touches than the limit: what it holds back is listed above.
      </p>
      {error && <p className="backup-failed">{error}</p>}
      {settings && <StrategyForm key={JSON.stringify([settings.automaticTouchesPer30Days, settings.hours])} settings={settings} />}
    </section>
  );
}

type Field = 'cap' | 'morning' | 'afternoon' | 'evening';
const hourFields = ['morning', 'afternoon', 'evening'] as const;
const hourLabels = { morning: 'Morning from (hour)', afternoon: 'Afternoon from (hour)', evening: 'Evening from (hour)' } as const;
const wholeNumber = (text: string) => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : null);

function StrategyForm({ settings }: { settings: Settings }) {
  const [draft, setDraft] = useState<Record<Field, string>>(() => ({
    cap: String(settings.automaticTouchesPer30Days ?? ''),
    morning: String(settings.hours.morning),
    afternoon: String(settings.hours.afternoon),
    evening: String(settings.hours.evening),
  }));
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [outcome, setOutcome] = useState<{ saved: boolean; text: string } | null>(null);
  const [saving, setSaving] = useState(false);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const cap = wholeNumber(draft.cap);
    const hours = Object.fromEntries(hourFields.map((field) => [field, wholeNumber(draft[field])])) as Record<(typeof hourFields)[number], number | null>;
    const found: Partial<Record<Field, string>> = {};
    if (cap === null || cap > 50) found.cap = 'Enter a whole number from 0 to 50. 0 lets triggers start no touches at all.';
    for (const field of hourFields) {
      const hour = hours[field];
      if (hour === null || hour > 23) found[field] = 'Enter an hour from 0 to 23, e.g. 9.';
    }
    setErrors(found);
    setOutcome(null);
    if (Object.keys(found).length > 0 || cap === null || hours.morning === null || hours.afternoon === null || hours.evening === null) return;
    setSaving(true);
    const problem = await updateStrategy({ automaticTouchesPer30Days: cap, hours: { morning: hours.morning, afternoon: hours.afternoon, evening: hours.evening } });
    setSaving(false);
    setOutcome(problem ? { saved: false, text: problem } : { saved: true, text: 'Saved' });
  };

  return (
    <form className="strategy-form" aria-label="Relationship strategy" onSubmit={(event) => void onSubmit(event)} noValidate>
      <TextField
        label="Automatic touches per contact per 30 days"
        inputMode="numeric"
        value={draft.cap}
        onChange={(cap) => setDraft({ ...draft, cap })}
        error={errors.cap}
        hint="Only plans started by a trigger are held back; starting one by hand always works."
        className="strategy-cap"
      />
      <div className="field-row">
        {hourFields.map((field) => (
          <TextField key={field} label={hourLabels[field]} inputMode="numeric" value={draft[field]} onChange={(value) => setDraft({ ...draft, [field]: value })} error={errors[field]} />
        ))}
      </div>
      <div className="toolbar">
        <Button type="submit" disabled={saving}>
          Save strategy
        </Button>
        <span className={outcome?.saved === false ? 'field-error' : 'form-status'} role="status">
          {saving ? 'Saving…' : outcome?.text}
        </span>
      </div>
    </form>
  );
}
