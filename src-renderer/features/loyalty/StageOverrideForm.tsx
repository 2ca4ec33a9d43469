import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { LoyaltyStage } from '../../../shared/insights/loyalty.schemas.ts';
import { loyaltyStageNames } from '../../../shared/insights/insights.labels.ts';
import { Button } from '../../ui/Button.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { placeSaveProblem } from '../../ui/save-problem.ts';
import { overrideStage } from './loyalty-editing.ts';

const stageOptions = LoyaltyStage.options.map((stage) => ({ value: stage, label: loyaltyStageNames[stage] }));
type Field = 'stage' | 'reason';
const fieldOf: Record<string, Field> = { stage: 'stage', reason: 'reason' };

type Props = { contactId: string; current: LoyaltyStage | null; onDone: () => void };

/** Sets the stage by hand, with why. Rendered only while open: its options name every stage. */
export function StageOverrideForm({ contactId, current, onDone }: Props) {
  const [stage, setStage] = useState<LoyaltyStage>(current ?? 'movable');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    if (reason.trim() === '') {
      setErrors({ reason: 'Say why you are setting the stage by hand.' });
      return;
    }
    setSaving(true);
    const result = await overrideStage({ contactId, stage, reason });
    setSaving(false);
    if ('done' in result) {
      onDone();
      return;
    }
    const placed = placeSaveProblem(result.problem, fieldOf);
    setErrors(placed.errors);
    setMessage(placed.message);
  };
  // Esc closes the form, not the contact page behind it.
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.nativeEvent.preventDefault();
    onDone();
  };

  return (
    <form className="quick-form" aria-label="Set the stage by hand" onSubmit={(event) => void onSubmit(event)} onKeyDown={onKeyDown} noValidate>
      {message && (
        <p className="error-banner" role="alert">
          {message}
        </p>
      )}
      <div className="field-row">
        <SelectField label="Stage" value={stage} options={stageOptions} onChange={(chosen) => setStage(chosen as LoyaltyStage)} error={errors.stage} />
        <TextField
          label="Reason"
          value={reason}
          onChange={(typed) => {
            setReason(typed);
            setErrors({});
          }}
          error={errors.reason}
          autoFocus
          placeholder="Why, e.g. long talk after the complaint"
        />
      </div>
      <div className="form-actions">
        <Button type="submit" variant="primary" disabled={saving}>
          Set stage
        </Button>
        <Button variant="quiet" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
