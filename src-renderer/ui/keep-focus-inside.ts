import type { KeyboardEvent } from 'react';

const stops = 'button:not(:disabled), a[href], input:not(:disabled), select:not(:disabled), textarea:not(:disabled)';

/** Tab and Shift+Tab go round a dialog's controls instead of into the page behind it. */
export function keepFocusInside(dialog: HTMLElement, event: KeyboardEvent<HTMLElement>): void {
  const controls = [...dialog.querySelectorAll<HTMLElement>(stops)];
  const first = controls[0];
  const last = controls.at(-1);
  if (!first || !last) return;
  const active = document.activeElement;
  if (event.shiftKey && (active === first || active === dialog)) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && active === last) {
    event.preventDefault();
    first.focus();
  }
}
