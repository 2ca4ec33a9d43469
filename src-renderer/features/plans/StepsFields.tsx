import { PlanStepKind } from '../../../shared/plans/plans.schemas.ts';
import { Button } from '../../ui/Button.tsx';
import type { PlanErrors, StepDraft } from './plan-draft.ts';
import { PlanField } from './PlanField.tsx';
import { placeholderHint, stepKindWords } from './plan-words.ts';

const unitOptions = [
  { value: 'days', label: 'days' },
  { value: 'weeks', label: 'weeks' },
  { value: 'months', label: 'months' },
  { value: 'years', label: 'years' },
] as const;

type Props = {
  steps: StepDraft[];
  errors: PlanErrors;
  onEdit: (index: number, change: Partial<StepDraft>) => void;
  onMove: (index: number, by: -1 | 1) => void;
  onRemove: (index: number) => void;
  onAdd: () => void;
};

/** The plan's steps in order: when after the anchor date, what kind, the title and the prompt. */
export function StepsFields({ steps, errors, onEdit, onMove, onRemove, onAdd }: Props) {
  return (
    <fieldset className="plan-steps">
      <legend>Steps</legend>
      {errors.steps && (
        <p className="field-error" role="alert">
          {errors.steps}
        </p>
      )}
      <ol className="plan-step-list">
        {steps.map((step, index) => {
          const prefix = `Step ${index + 1}`;
          const at = (field: string) => errors[`steps.${index}.${field}`];
          return (
            <li key={step.key} className="plan-step">
              <div className="plan-step-head">
                <span className="plan-step-number" aria-hidden="true">
                  {index + 1}
                </span>
                <PlanField prefix={prefix} label="After the anchor date" error={at('offset')} className="plan-offset">
                  {(props) => (
                    <div className="plan-offset-inputs">
                      <input {...props} inputMode="numeric" value={step.amount} onChange={(event) => onEdit(index, { amount: event.target.value })} />
                      <select aria-label={`${prefix} unit`} value={step.unit} onChange={(event) => onEdit(index, { unit: event.target.value as StepDraft['unit'] })}>
                        {unitOptions.map((option) => (
                          <option key={option.value} value={option.value}>
                            {option.label}
                          </option>
                        ))}
                      </select>
                    </div>
                  )}
                </PlanField>
                <PlanField prefix={prefix} label="Kind" error={at('kind')}>
                  {(props) => (
                    <select {...props} value={step.kind} onChange={(event) => onEdit(index, { kind: event.target.value as StepDraft['kind'] })}>
                      {PlanStepKind.options.map((kind) => (
                        <option key={kind} value={kind}>
                          {stepKindWords[kind]}
                        </option>
                      ))}
                    </select>
                  )}
                </PlanField>
                <div className="plan-row-actions">
                  <Button variant="quiet" aria-label={`Move step ${index + 1} up`} disabled={index === 0} onClick={() => onMove(index, -1)}>
                    ↑
                  </Button>
                  <Button variant="quiet" aria-label={`Move step ${index + 1} down`} disabled={index === steps.length - 1} onClick={() => onMove(index, 1)}>
                    ↓
                  </Button>
                  <Button variant="quiet" aria-label={`Remove step ${index + 1}`} onClick={() => onRemove(index)}>
                    Remove
                  </Button>
                </div>
              </div>
              <PlanField prefix={prefix} label="Title" error={at('title')}>
                {(props) => <input {...props} type="text" value={step.title} onChange={(event) => onEdit(index, { title: event.target.value })} />}
              </PlanField>
              <PlanField prefix={prefix} label="Prompt" error={at('prompt')} hint={placeholderHint}>
                {(props) => <textarea {...props} rows={3} value={step.prompt} onChange={(event) => onEdit(index, { prompt: event.target.value })} />}
              </PlanField>
            </li>
          );
        })}
      </ol>
      <div>
        <Button onClick={onAdd}>Add step</Button>
      </div>
    </fieldset>
  );
}
