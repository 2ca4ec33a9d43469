import { useId, type ReactNode } from 'react';

type ControlProps = { id: string; 'aria-label': string; 'aria-invalid': true | undefined; 'aria-describedby': string | undefined };

type PlanFieldProps = {
  /** Put before the visible label in the control's name ("Step 2 Title"), so each row's controls have their own names. */
  prefix: string;
  label: string;
  error?: string | undefined;
  hint?: string;
  className?: string;
  children: (props: ControlProps) => ReactNode;
};

/** A labelled control in a repeated row (a step, a trigger), its hint and its error announced. */
export function PlanField({ prefix, label, error, hint, className, children }: PlanFieldProps) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={['field', error ? 'field-invalid' : '', className].filter(Boolean).join(' ')}>
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-label': `${prefix} ${label}`, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy })}
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
