import { useEffect, useRef } from 'react';
import { createPortal } from 'react-dom';
import type { NoteCard } from '../../../shared/followups/followups.schemas.ts';
import { hrefFor } from '../../app/navigation.store.ts';
import { Button } from '../../ui/Button.tsx';
import { formatLocalDate } from '../../ui/dates.ts';
import { useCards } from './cards.store.ts';
import { keepFocusInside } from '../../ui/keep-focus-inside.ts';

/**
 * The cards as they will print: each card's text on a 6 × 4 in sheet, its envelope
 * on the next. It sits directly in <body>, beside the app, so the print stylesheet
 * can leave out everything but the sheets (see "Note cards" in app.css).
 */
export function PrintPreview() {
  const step = useCards((state) => state.step);
  const wanted = useCards((state) => state.wanted);
  const cards = useCards((state) => state.cards);
  const problem = useCards((state) => state.problem);
  const dialog = useRef<HTMLDivElement>(null);
  const open = step !== 'closed';

  useEffect(() => {
    if (!open) return;
    // Focus goes back to the Print card button that opened the preview.
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.current?.focus();
    return () => opener?.focus();
  }, [open]);

  if (!open) return null;
  const close = () => useCards.getState().close();
  return createPortal(
    <div className="dialog-backdrop print-preview-backdrop">
      <div
        ref={dialog}
        className="dialog print-preview"
        role="dialog"
        aria-modal="true"
        aria-labelledby="print-preview-title"
        tabIndex={-1}
        onKeyDown={(event) => {
          if (event.key === 'Escape') close();
          if (event.key === 'Tab' && dialog.current) keepFocusInside(dialog.current, event);
        }}
      >
        <h2 id="print-preview-title" className="screen-only">
          Print preview
        </h2>
        {step === 'loading' && <p className="loading screen-only">Getting the cards ready…</p>}
        {problem && (
          <div className="error-banner screen-only" role="alert">
            <p>{`The cards could not be made: ${problem}`}</p>
          </div>
        )}
        {step === 'ready' && cards.length === 0 && (
          <p className="section-empty screen-only">
            {wanted && 'due' in wanted ? 'No cards or handwritten notes are due today or overdue.' : 'This follow-up is no longer open: there is no card to print.'}
          </p>
        )}
        {cards.length > 0 && (
          <>
            <p className="field-hint screen-only">{`${cards.length === 1 ? 'One card' : `${cards.length} cards`}, each with its envelope on the next page. Print on 6 × 4 in (A6) card stock.`}</p>
            <div className="print-sheets">
              {cards.map((card) => (
                <CardSheets key={card.followupId} card={card} onLeave={close} />
              ))}
            </div>
          </>
        )}
        <div className="dialog-actions screen-only">
          <Button variant="primary" onClick={() => window.print()} disabled={cards.length === 0}>
            Print
          </Button>
          <Button onClick={close}>Close</Button>
        </div>
      </div>
    </div>,
    document.body,
  );
}

function CardSheets({ card, onLeave }: { card: NoteCard; onLeave: () => void }) {
  return (
    <article className="print-item" aria-label={`Card for ${card.contactName}`}>
      <p className="print-caption screen-only">{`${card.title} · due ${formatLocalDate(card.dueDate)}`}</p>
      <div className="print-sheet print-card">
        <p className="print-card-text">{card.prompt}</p>
      </div>
      {card.envelope ? (
        <div className="print-sheet print-envelope" aria-label={`Envelope for ${card.contactName}`}>
          <address>
            {card.envelope.map((line, index) => (
              <span key={index} className="envelope-line">
                {line}
              </span>
            ))}
          </address>
        </div>
      ) : (
        <p className="dialog-note screen-only">
          {`No postal address for ${card.contactName} — add one on `}
          <a href={hrefFor({ screen: 'contact', id: card.contactId })} onClick={onLeave}>
            their page
          </a>
          {' to print the envelope.'}
        </p>
      )}
    </article>
  );
}

