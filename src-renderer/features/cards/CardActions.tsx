import { useEffect } from 'react';
import type { Followup } from '../../../shared/followups/followups.schemas.ts';
import { Button } from '../../ui/Button.tsx';
import { useCalendarExport } from './calendar-export.store.ts';
import { isCardKind, useCards } from './cards.store.ts';

/**
 * "Print card" on a handwritten note or card. Its name is always exactly "Print
 * card" (the name the issue checks, on any screen); with several on the screen,
 * each one's description (its tooltip) says which follow-up it prints
 * ("Print card: Send a note — Ada Lovelace"), and its row says so too.
 */
export function PrintCardButton({ followup, name }: { followup: Pick<Followup, 'id' | 'kind'>; name: string }) {
  if (!isCardKind(followup.kind)) return null;
  return (
    <Button title={name === 'Print card' ? undefined : name} onClick={() => void useCards.getState().show({ ids: [followup.id] })}>
      Print card
    </Button>
  );
}

/** Print card names for the follow-ups on one screen, given each one's unique "what — who". */
export function printCardNames(items: readonly { followup: Pick<Followup, 'kind'>; name: string }[]): string[] {
  const several = items.filter(({ followup }) => isCardKind(followup.kind)).length > 1;
  return items.map(({ name }) => (several ? `Print card: ${name}` : 'Print card'));
}

/** Today's "Print all due cards", disabled (and saying why) when no card or note is due. */
export function PrintAllDueCardsButton({ dueCards }: { dueCards: number }) {
  return (
    <>
      {dueCards === 0 && (
        <span id="no-cards-due" className="field-hint">
          No cards due
        </span>
      )}
      <Button
        disabled={dueCards === 0}
        aria-describedby={dueCards === 0 ? 'no-cards-due' : undefined}
        onClick={() => void useCards.getState().show({ due: true })}
      >
        Print all due cards
      </Button>
    </>
  );
}

/** "Export calendar": everyone's open follow-ups, or one contact's when `contact` is given. */
export function ExportCalendarButton({ contact }: { contact?: { id: string; displayName: string } }) {
  const running = useCalendarExport((state) => state.running);
  useEffect(() => () => useCalendarExport.getState().dismiss(), []);
  return (
    <Button
      aria-label={contact ? `Export calendar for ${contact.displayName}` : undefined}
      onClick={() => void useCalendarExport.getState().exportCalendar(contact?.id)}
      disabled={running}
      aria-busy={running || undefined}
    >
      Export calendar
    </Button>
  );
}

/** Why the last Export calendar failed, in the core's words, until the next try. */
export function CalendarExportProblem() {
  const problem = useCalendarExport((state) => state.problem);
  if (!problem) return null;
  return (
    <div className="error-banner" role="alert">
      <p>{problem}</p>
    </div>
  );
}
