import { useEffect } from 'react';
import { hrefFor } from '../../app/navigation.store.ts';
import { formatInstant, formatLocalDate } from '../../ui/dates.ts';
import { useHeldBack } from './plans.store.ts';

/** Touches a trigger would have started but the cap held back: listed, never dropped silently. */
export function HeldBackList() {
  const { items, loaded, error } = useHeldBack();
  useEffect(() => {
    void useHeldBack.getState().refresh();
  }, []);

  return (
    <section className="panel" aria-labelledby="held-back-title">
      <h2 id="held-back-title">Held back by the limit on automatic touches</h2>
      {error && <p className="backup-failed">{error}</p>}
      {loaded && !error && items.length === 0 && <p className="muted">Nothing held back: every triggered step was planned.</p>}
      {items.length > 0 && (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Contact</th>
              <th scope="col">Plan and step</th>
              <th scope="col">Would have been due</th>
              <th scope="col">Why</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.id}>
                <th scope="row">
                  <a href={hrefFor({ screen: 'contact', id: item.contactId })}>{item.contactName}</a>
                </th>
                <td>
                  {item.planName}: {item.stepTitle}
                </td>
                <td>{formatLocalDate(item.dueDate)}</td>
                <td>
                  {item.reason} <span className="muted">({formatInstant(item.heldAt)})</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
