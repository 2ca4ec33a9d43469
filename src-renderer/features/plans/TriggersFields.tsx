import { InteractionKind } from '../../../shared/history/history.schemas.ts';
import { Button } from '../../ui/Button.tsx';
import { kindWords } from '../history/history-words.ts';
import type { PlanErrors, TriggerDraft } from './plan-draft.ts';
import { PlanField } from './PlanField.tsx';

const onOptions = [
  { value: 'interaction', label: 'An interaction is logged' },
  { value: 'contact_tagged', label: 'A contact is created with a tag' },
  { value: 'purchase', label: 'A purchase is recorded' },
] as const;
const purchaseOptions = [
  { value: 'first_purchase', label: 'Their first purchase' },
  { value: 'sale', label: 'Any sale' },
  { value: 'closing', label: 'A home closing' },
] as const;

type Props = {
  triggers: TriggerDraft[];
  errors: PlanErrors;
  onEdit: (index: number, change: Partial<TriggerDraft>) => void;
  onRemove: (index: number) => void;
  onAdd: () => void;
};

/** What starts the plan by itself; none means it only starts by hand. */
export function TriggersFields({ triggers, errors, onEdit, onRemove, onAdd }: Props) {
  return (
    <fieldset className="plan-triggers">
      <legend>Starts when</legend>
      {triggers.length === 0 && <p className="muted">Nothing starts this plan by itself: start it by hand from a contact’s page.</p>}
      {errors.triggers && <p className="field-error">{errors.triggers}</p>}
      <ul className="plan-trigger-list">
        {triggers.map((trigger, index) => {
          const prefix = `Trigger ${index + 1}`;
          return (
            <li key={trigger.key} className="plan-trigger">
              <PlanField prefix={prefix} label="Event" error={errors[`triggers.${index}`]}>
                {(props) => (
                  <select {...props} value={trigger.on} onChange={(event) => onEdit(index, { on: event.target.value as TriggerDraft['on'] })}>
                    {onOptions.map((option) => (
                      <option key={option.value} value={option.value}>
                        {option.label}
                      </option>
                    ))}
                  </select>
                )}
              </PlanField>
              {trigger.on === 'interaction' && (
                <>
                  <PlanField prefix={prefix} label="Of kind">
                    {(props) => (
                      <select {...props} value={trigger.interactionKind} onChange={(event) => onEdit(index, { interactionKind: event.target.value as TriggerDraft['interactionKind'] })}>
                        <option value="">Any kind</option>
                        {InteractionKind.options.map((kind) => (
                          <option key={kind} value={kind}>
                            {kindWords[kind]}
                          </option>
                        ))}
                      </select>
                    )}
                  </PlanField>
                  <PlanField prefix={prefix} label="With reason" error={errors[`triggers.${index}.reason`]} hint="Optional, e.g. rates">
                    {(props) => <input {...props} type="text" value={trigger.reason} onChange={(event) => onEdit(index, { reason: event.target.value })} />}
                  </PlanField>
                </>
              )}
              {trigger.on === 'contact_tagged' && (
                <PlanField prefix={prefix} label="Tag" error={errors[`triggers.${index}.tag`]}>
                  {(props) => <input {...props} type="text" value={trigger.tag} onChange={(event) => onEdit(index, { tag: event.target.value })} />}
                </PlanField>
              )}
              {trigger.on === 'purchase' && (
                <PlanField prefix={prefix} label="Which purchase">
                  {(props) => (
                    <select {...props} value={trigger.purchaseKind} onChange={(event) => onEdit(index, { purchaseKind: event.target.value as TriggerDraft['purchaseKind'] })}>
                      {purchaseOptions.map((option) => (
                        <option key={option.value} value={option.value}>
                          {option.label}
                        </option>
                      ))}
                    </select>
                  )}
                </PlanField>
              )}
              <Button variant="quiet" className="plan-trigger-remove" aria-label={`Remove trigger ${index + 1}`} onClick={() => onRemove(index)}>
                Remove
              </Button>
            </li>
          );
        })}
      </ul>
      <div>
        <Button onClick={onAdd}>Add trigger</Button>
      </div>
    </fieldset>
  );
}
