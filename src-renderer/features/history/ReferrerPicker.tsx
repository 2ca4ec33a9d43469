import { useId, useRef } from 'react';
import type { ContactSummary } from '../../../shared/contacts/contacts.schemas.ts';
import { Button } from '../../ui/Button.tsx';
import { useComboList } from '../../ui/useComboList.ts';
import { useReferrerPicker } from './referrer-picker.store.ts';

export type ReferrerChoice = { name: string; id: string | null };

type Props = {
  /** The referrer's name as shown in the box: picked, or only typed. */
  name: string;
  referredById: string | null;
  /** Contacts that cannot have referred: the contact the entry is for. */
  excludeId: string;
  onChange: (choice: ReferrerChoice) => void;
  error?: string | undefined;
};

/** "Referred by" on a referral: type to find the contact who referred them, and pick one. */
export function ReferrerPicker({ name, referredById, excludeId, onChange, error }: Props) {
  const id = useId();
  const hits = useReferrerPicker((state) => state.hits);
  const answered = useReferrerPicker((state) => state.query);
  const searchError = useReferrerPicker((state) => state.error);
  const input = useRef<HTMLInputElement>(null);

  const current = answered === name ? hits : null;
  const options: ContactSummary[] = (current ?? []).filter((hit) => hit.id !== excludeId);
  const typed = name.trim();
  const { expanded, active, setOpen, reopen, onKeyDown } = useComboList({
    options,
    pick: (hit) => choose(hit),
    onOpen: () => {
      if (current === null && typed !== '') useReferrerPicker.getState().search(name);
    },
    fallback: () => options.find((hit) => hit.displayName.toLowerCase() === typed.toLowerCase()),
  });

  function choose(hit: ContactSummary) {
    setOpen(false);
    onChange({ name: hit.displayName, id: hit.id });
  }

  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const problem = error ?? searchError ?? undefined;
  let hint = '';
  if (referredById !== null) hint = 'Picked from your contacts.';
  else if (typed !== '') hint = 'Not picked yet: choose who referred them from the list.';
  const optionId = (index: number) => `${id}-option-${index}`;

  return (
    <div className={['field', 'combo', problem ? 'field-invalid' : ''].filter(Boolean).join(' ')}>
      <label htmlFor={id}>Referred by</label>
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
          placeholder="Type a name"
          value={name}
          ref={input}
          onChange={(event) => {
            onChange({ name: event.target.value, id: null });
            useReferrerPicker.getState().search(event.target.value);
            reopen();
          }}
          onBlur={() => setOpen(false)}
          onKeyDown={onKeyDown}
        />
        {name !== '' && (
          // Named "Clear", like the company picker's: each name on the page must match one control.
          <Button variant="quiet" className="combo-clear" aria-label="Clear"
            onClick={() => {
              onChange({ name: '', id: null });
              input.current?.focus();
            }}
          >
            ×
          </Button>
        )}
        <ul id={`${id}-list`} role="listbox" aria-label="Suggestions" className="combo-list" hidden={!expanded}>
          {expanded &&
            options.map((hit, index) => (
              <li
                key={hit.id}
                id={optionId(index)}
                role="option"
                aria-selected={index === active}
                className="option"
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => choose(hit)}
              >
                {hit.displayName}
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
