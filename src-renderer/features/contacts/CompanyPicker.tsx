import { useId, useRef, useState } from 'react';
import { apiErrorOf } from '../../api/client.ts';
import { Button } from '../../ui/Button.tsx';
import { useComboList } from '../../ui/useComboList.ts';
import { createCompany, useCompanyPicker } from './company-picker.store.ts';

export type CompanyChoice = { company: string; companyId: string | null };

type CompanyPickerProps = {
  /** The company's name as shown in the box: picked, or only typed. */
  name: string;
  companyId: string | null;
  onChange: (choice: CompanyChoice) => void;
  error?: string | undefined;
};

type Option = { kind: 'company'; id: string; name: string } | { kind: 'create'; name: string };

/**
 * "Company" on a person's form: type to find a company among the contacts and pick it
 * (arrow keys and Enter, or a click), or create it when none matches. Text that is typed
 * but not picked is kept as a plain company name, as before companies could be linked.
 */
export function CompanyPicker({ name, companyId, onChange, error }: CompanyPickerProps) {
  const id = useId();
  const hits = useCompanyPicker((state) => state.hits);
  const answered = useCompanyPicker((state) => state.query);
  const searchError = useCompanyPicker((state) => state.error);
  const [creating, setCreating] = useState(false);
  const [createError, setCreateError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);

  const typed = name.trim();
  const current = answered === name ? hits : null;
  const options: Option[] = (current ?? []).map((hit) => ({ kind: 'company', id: hit.id, name: hit.displayName }));
  const exists = options.some((option) => option.name.toLowerCase() === typed.toLowerCase());
  if (current !== null && typed !== '' && !exists) options.push({ kind: 'create', name: typed });


  const pick = async (option: Option) => {
    if (creating) return;
    setOpen(false);
    setCreateError(null);
    if (option.kind === 'company') {
      onChange({ company: option.name, companyId: option.id });
      return;
    }
    setCreating(true);
    try {
      const created = await createCompany(option.name);
      onChange({ company: created.displayName, companyId: created.id });
    } catch (thrown) {
      setCreateError(apiErrorOf(thrown).message);
    } finally {
      setCreating(false);
    }
  };

  const { expanded, active, setOpen, reopen, onKeyDown } = useComboList({
    options,
    pick: (option) => void pick(option),
    onOpen: () => {
      if (current === null && typed !== '') useCompanyPicker.getState().search(name);
    },
    fallback: () => options.find((option) => option.kind === 'company' && option.name.toLowerCase() === typed.toLowerCase()),
  });

  const search = (text: string) => {
    useCompanyPicker.getState().search(text);
    reopen();
  };

  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const problem = error ?? createError ?? searchError ?? undefined;
  let hint = '';
  if (creating) hint = `Creating ${typed}…`;
  else if (companyId !== null) hint = 'Linked: this person is listed on the company’s page.';
  else if (typed !== '') hint = 'Not linked yet: choose the company from the list, or create it.';
  const optionId = (index: number) => `${id}-option-${index}`;

  return (
    <div className={['field', 'combo', problem ? 'field-invalid' : ''].filter(Boolean).join(' ')}>
      <label htmlFor={id}>Company</label>
      <div className="combo-control">
        <input
          id={id}
          type="text"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={`${id}-list`}
          aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
          aria-invalid={problem ? true : undefined}
          aria-describedby={[hint ? hintId : '', problem ? errorId : ''].filter(Boolean).join(' ') || undefined}
          autoComplete="off"
          value={name}
          aria-busy={creating || undefined}
          ref={input}
          onChange={(event) => {
            onChange({ company: event.target.value, companyId: null });
            setCreateError(null);
            search(event.target.value);
          }}
          onBlur={() => setOpen(false)}
          onKeyDown={onKeyDown}
        />
        {name !== '' && (
          // Named "Clear", not "Clear company": each name on the form must match one control.
          <Button variant="quiet" className="combo-clear" aria-label="Clear"
            onClick={() => {
              onChange({ company: '', companyId: null });
              input.current?.focus();
            }}
          >
            ×
          </Button>
        )}
        {/* Labelled apart from "Company", so a lookup by that label finds only the box. */}
        <ul id={`${id}-list`} role="listbox" aria-label="Suggestions" className="combo-list" hidden={!expanded}>
          {expanded &&
            options.map((option, index) => (
              <li
                key={option.kind === 'company' ? option.id : 'create'}
                id={optionId(index)}
                role="option"
                aria-selected={index === active}
                className={option.kind === 'create' ? 'option option-create' : 'option'}
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => void pick(option)}
              >
                {option.kind === 'create' ? `Create company “${option.name}”` : option.name}
              </li>
            ))}
        </ul>
      </div>
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
      {problem && (
        <p id={errorId} className="field-error">
          {problem}
        </p>
      )}
    </div>
  );
}
