import { useEffect, useRef, type FormEvent } from 'react';
import type { Plan } from '../../../shared/plans/plans.schemas.ts';
import { Button } from '../../ui/Button.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { StepsFields } from './StepsFields.tsx';
import { TriggersFields } from './TriggersFields.tsx';
import { usePlanDraft } from './usePlanDraft.ts';

export const planConflictMessage =
  'Someone else changed this plan while you were editing. Keep your version to save it over theirs, or use their version and drop your changes.';

/** A plan's name, switches, triggers and steps; running plans keep the steps they started with. */
export function PlanForm({ plan, onSaved }: { plan: Plan | null; onSaved: (saved: Plan) => void }) {
  const { base, draft, dirty, justSaved, errors, conflict, saving, edit, editStep, editTrigger, addStep, removeStep, moveStep, addTrigger, removeTrigger, save, takeTheirs } = usePlanDraft(plan, onSaved);
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [errors]);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void save();
  };

  return (
    <form ref={formRef} className="plan-form" onSubmit={onSubmit} noValidate aria-label="Plan details">
      {conflict && (
        <div className="error-banner" role="alert">
          <p>{planConflictMessage}</p>
          <div className="banner-actions">
            <Button variant="primary" onClick={() => void save(true)} disabled={saving}>
              Keep my version
            </Button>
            <Button onClick={takeTheirs} disabled={saving}>
              Use their version
            </Button>
          </div>
        </div>
      )}
      {errors.form && (
        <p className="error-banner" role="alert">
          {errors.form}
        </p>
      )}
      <fieldset>
        <legend>Plan</legend>
        <TextField label="Plan name" value={draft.name} onChange={(name) => edit({ name })} error={errors.name} autoFocus={!plan} />
        <TextField label="Description" multiline value={draft.description} onChange={(description) => edit({ description })} error={errors.description} hint="What the plan is for, in a sentence" />
        <label className="checkbox-field">
          <input type="checkbox" checked={draft.enabled} onChange={(event) => edit({ enabled: event.target.checked })} />
          Switched on
        </label>
        <label className="checkbox-field">
          <input type="checkbox" checked={draft.skipWeekends} onChange={(event) => edit({ skipWeekends: event.target.checked })} aria-describedby="skip-weekends-hint" />
          Skip weekends
        </label>
        <p id="skip-weekends-hint" className="field-hint plan-check-hint">
          A step that falls on a Saturday or Sunday moves to the Monday after.
        </p>
      </fieldset>
      <TriggersFields triggers={draft.triggers} errors={errors} onEdit={editTrigger} onRemove={removeTrigger} onAdd={addTrigger} />
      <StepsFields steps={draft.steps} errors={errors} onEdit={editStep} onMove={moveStep} onRemove={removeStep} onAdd={addStep} />
      <div className="form-actions">
        <Button type="submit" variant="primary" disabled={saving} aria-busy={saving || undefined}>
          Save plan
        </Button>
        <span className="form-status" role="status">
          {saving ? 'Saving…' : dirty ? 'Unsaved changes' : justSaved ? 'Saved' : ''}
        </span>
        {base && base.running > 0 && (
          <span className="form-shortcut">
            {base.running === 1 ? '1 contact is' : `${base.running.toLocaleString()} contacts are`} on this plan: they keep the steps they started with.
          </span>
        )}
      </div>
    </form>
  );
}
