import { useEffect, useRef } from 'react';
import { loyaltyStageNames } from '../../../shared/insights/insights.labels.ts';
import { hrefFor } from '../../app/navigation.store.ts';
import { Button } from '../../ui/Button.tsx';
import { formatCurrency } from './currency-format.ts';
import { useDrill } from './drill.store.ts';
import { customersWord } from './insights-words.ts';

/**
 * The contacts behind a figure, beside the view (not modal: the figures stay
 * readable). Focus moves to its heading when it opens and back to the figure
 * when Escape or Close shuts it.
 */
export function DrillPanel({ currency }: { currency: string }) {
  const { title, items, total, error } = useDrill();
  const heading = useRef<HTMLHeadingElement>(null);
  const open = title !== null;
  useEffect(() => {
    if (!open) return;
    // On the whole page: focus may be anywhere (a link followed back, a button that went away).
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !event.defaultPrevented) useDrill.getState().close();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [open]);
  useEffect(() => {
    if (open) heading.current?.focus();
  }, [open, title]);
  if (!open) return null;
  const close = () => useDrill.getState().close();
  return (
    <section className="drill-panel" role="dialog" aria-labelledby="insights-drill-title">
      <div className="section-header">
        <h2 id="insights-drill-title" ref={heading} tabIndex={-1}>{`Customers: ${title}`}</h2>
        <Button variant="quiet" className="push-right" onClick={close}>
          Close
        </Button>
      </div>
      {error && (
        <p className="error-banner" role="alert">
          {error}
        </p>
      )}
      <p className="muted" aria-live="polite">
        {total === null ? 'Loading…' : total === 0 ? 'No customers here.' : `${customersWord(total)}, most profitable first`}
      </p>
      <ul className="drill-list">
        {items.map((row) => (
          <li key={row.contactId}>
            <a href={hrefFor({ screen: 'contact', id: row.contactId })}>{row.displayName}</a>
            <span className="muted">
              {` · profit ${formatCurrency(row.profitCents, currency)}`}
              {row.stage && ` · ${loyaltyStageNames[row.stage]}`}
            </span>
          </li>
        ))}
      </ul>
      {total !== null && items.length < total && (
        <Button onClick={() => void useDrill.getState().showMore()}>Show more customers</Button>
      )}
    </section>
  );
}
