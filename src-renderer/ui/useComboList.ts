import { useState, type KeyboardEvent } from 'react';

type ComboListOptions<T> = {
  options: T[];
  pick: (option: T) => void;
  /** Called when the arrow keys open a closed list, e.g. to search text not searched yet. */
  onOpen?: () => void;
  /** What Enter chooses when no option is highlighted. */
  fallback?: () => T | undefined;
};

/**
 * The keyboard and open state of a combobox's suggestion list: arrows move through the
 * options, Enter picks from the open list (it does not submit the form), Esc closes the
 * list only (the page's Esc waits for the next press).
 */
export function useComboList<T>({ options, pick, onOpen, fallback }: ComboListOptions<T>) {
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const expanded = open && options.length > 0;

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!expanded) {
        onOpen?.();
        setOpen(true);
      }
      if (options.length > 0) {
        const by = event.key === 'ArrowDown' ? 1 : -1;
        setActive((index) => (index < 0 && by < 0 ? options.length - 1 : (index + by + options.length) % options.length));
      }
    } else if (event.key === 'Enter' && expanded) {
      event.preventDefault();
      const chosen = options[active] ?? fallback?.();
      if (chosen === undefined) setOpen(false);
      else pick(chosen);
    } else if (event.key === 'Escape' && expanded) {
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
    }
  };

  /** After new text is typed: the list opens with nothing highlighted. */
  const reopen = () => {
    setActive(-1);
    setOpen(true);
  };

  return { expanded, active, setOpen, reopen, onKeyDown };
}
