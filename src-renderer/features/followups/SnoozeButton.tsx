import { useId, useState, type KeyboardEvent } from 'react';
import { Button } from '../../ui/Button.tsx';
import { todayLocal } from '../../ui/dates.ts';
import { snoozeChoices } from './followup-words.ts';

type Props = {
  /** The button's whole name, e.g. "Snooze: Call Ada": unique on its screen. */
  name: string;
  onSnooze: (until: string) => void;
};

/** Snooze with its quick choices: tomorrow, in 3 days, next week, or a day the user picks. */
export function SnoozeButton({ name, onSnooze }: Props) {
  const [open, setOpen] = useState(false);
  const [picking, setPicking] = useState(false);
  const [day, setDay] = useState('');
  const menuId = useId();
  const today = todayLocal();
  const choose = (until: string) => {
    setOpen(false);
    setPicking(false);
    onSnooze(until);
  };
  // Esc closes the choices, not the page behind them.
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !open) return;
    event.preventDefault();
    setOpen(false);
    setPicking(false);
  };
  return (
    <div className="snooze" onKeyDown={onKeyDown}>
      <Button aria-expanded={open} aria-controls={menuId} aria-label={name} onClick={() => setOpen(!open)}>
        Snooze
      </Button>
      {open && (
        <div id={menuId} className="snooze-choices" role="group" aria-label={`${name}: when`}>
          {snoozeChoices.map((choice) => (
            <Button key={choice.label} variant="quiet" onClick={() => choose(choice.until(today))}>
              {choice.label}
            </Button>
          ))}
          {picking ? (
            <form
              className="snooze-pick"
              onSubmit={(event) => {
                event.preventDefault();
                if (/^\d{4}-\d{2}-\d{2}$/.test(day)) choose(day);
              }}
            >
              <label>
                Snooze until <input type="date" value={day} min={today} onChange={(event) => setDay(event.target.value)} autoFocus />
              </label>
              <Button type="submit" variant="primary" disabled={!day}>
                Snooze to that day
              </Button>
            </form>
          ) : (
            <Button variant="quiet" onClick={() => setPicking(true)}>
              Pick a day…
            </Button>
          )}
        </div>
      )}
    </div>
  );
}
