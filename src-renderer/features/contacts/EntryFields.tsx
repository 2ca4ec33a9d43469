import type { Entry } from './contact-draft.ts';
import { Button } from '../../ui/Button.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { TextField } from '../../ui/TextField.tsx';

type EntryFieldsProps = {
  /** "Email" or "Phone": the first row is labelled exactly this, later rows "Email 2", "Email 3"… */
  noun: 'Email' | 'Phone';
  /**
   * Names the work/home/mobile select. It must not contain the noun: a lookup of
   * the field "Email" by label would otherwise find two controls.
   */
  kindName: 'Inbox type' | 'Line type';
  rows: Entry[];
  labels: readonly string[];
  errors: Record<string, string>;
  errorPrefix: 'emails' | 'phones';
  inputType: 'email' | 'tel';
  onChange: (rows: Entry[]) => void;
};

/** A contact's email addresses or phone numbers; the first row is the primary one. */
export function EntryFields({ noun, kindName, rows, labels, errors, errorPrefix, inputType, onChange }: EntryFieldsProps) {
  const update = (index: number, change: Partial<Entry>) =>
    onChange(rows.map((row, at) => (at === index ? { ...row, ...change } : row)));
  // Not "email"/"phone": a button named "Add another email" would also match a lookup of the field "Email".
  const other = noun === 'Email' ? 'inbox' : 'number';
  return (
    <div className="entry-fields">
      {rows.map((row, index) => {
        const name = index === 0 ? noun : `${noun} ${index + 1}`;
        const options = (labels.includes(row.label) ? labels : [row.label, ...labels]).map((label) => ({ value: label, label }));
        return (
          <div className="entry-row" key={index}>
            <TextField
              label={name}
              type={inputType}
              value={row.value}
              onChange={(value) => update(index, { value })}
              error={errors[`${errorPrefix}.${index}`]}
              hint={index === 0 && rows.length > 1 ? 'Primary' : undefined}
              className="entry-value"
            />
            <SelectField
              label={index === 0 ? kindName : `${kindName} ${index + 1}`}
              value={row.label}
              options={options}
              onChange={(label) => update(index, { label })}
              className="entry-label"
            />
            {index > 0 && (
              <Button variant="quiet" className="entry-remove" onClick={() => onChange(rows.filter((_, at) => at !== index))}>
                Remove {other} {index + 1}
              </Button>
            )}
          </div>
        );
      })}
      {rows.length < 20 && (
        <Button variant="quiet" onClick={() => onChange([...rows, { label: labels[0] ?? '', value: '' }])}>
          Add another {other}
        </Button>
      )}
    </div>
  );
}
