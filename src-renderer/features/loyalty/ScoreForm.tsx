import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { Button } from '../../ui/Button.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { todayLocal } from '../../ui/dates.ts';
import { placeSaveProblem } from '../../ui/save-problem.ts';
import { showToast } from '../../ui/toast.store.ts';
import { recordScore } from './loyalty-editing.ts';

type Field = 'score' | 'scoredOn';
const fieldOf: Record<string, Field> = { score: 'score', scoredOn: 'scoredOn' };

/**
 * "Likelihood to recommend", 0–10, on a day (today unless changed). Save score shows
 * once a score is typed, so the contact's own Save stays the one "Save" of the page at rest.
 */
export function ScoreForm({ contactId }: { contactId: string }) {
  const [score, setScore] = useState('');
  const [scoredOn, setScoredOn] = useState(todayLocal);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    const value = Number(score.trim());
    if (score.trim() === '' || !Number.isFinite(value)) {
      setErrors({ score: 'Enter a likelihood to recommend from 0 to 10.' });
      return;
    }
    setSaving(true);
    const result = await recordScore({ contactId, score: value, scoredOn: scoredOn.trim() });
    setSaving(false);
    if ('done' in result) {
      setScore('');
      setErrors({});
      setMessage(null);
      showToast({ message: `Recorded a score of ${value}` });
      return;
    }
    const placed = placeSaveProblem(result.problem, fieldOf);
    setErrors(placed.errors);
    setMessage(placed.message);
  };

  // Esc drops a score being typed; with nothing typed it goes back to the list as elsewhere on the page.
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || score === '') return;
    event.preventDefault();
    event.nativeEvent.preventDefault();
    setScore('');
    setErrors({});
    setMessage(null);
  };

  return (
    <form className="score-form" aria-label="Record a score" onSubmit={(event) => void onSubmit(event)} onKeyDown={onKeyDown} noValidate>
      <div className="field-row">
        <TextField
          label="Likelihood to recommend"
          type="number"
          min={0}
          max={10}
          step={1}
          value={score}
          onChange={(typed) => {
            setScore(typed);
            setErrors({});
          }}
          error={errors.score}
          hint="0 (never) to 10 (certainly)"
        />
        <TextField label="Scored on" value={scoredOn} onChange={setScoredOn} error={errors.scoredOn} placeholder="YYYY-MM-DD" />
      </div>
      {message && (
        <p className="error-banner" role="alert">
          {message}
        </p>
      )}
      {score !== '' && (
        <Button type="submit" variant="primary" disabled={saving}>
          Save score
        </Button>
      )}
    </form>
  );
}
