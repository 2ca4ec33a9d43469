import { useEffect, useState } from 'react';
import type { Contact } from '../../../shared/contacts/contacts.schemas.ts';
import type { Interaction } from '../../../shared/history/history.schemas.ts';
import { Button } from '../../ui/Button.tsx';
import { formatInstant } from '../../ui/dates.ts';
import { showToast } from '../../ui/toast.store.ts';
import { removeInteraction } from './history-editing.ts';
import { interactionDetails, kindWords } from './history-words.ts';
import { LogInteractionForm } from './LogInteractionForm.tsx';
import { useReferrerNames } from './referrer-names.store.ts';
import { useTimeline } from './timeline.store.ts';

type Props = {
  contact: Pick<Contact, 'id' | 'displayName' | 'preferredChannel' | 'deletedAt'>;
  formOpen: boolean;
  onFormOpen: (open: boolean) => void;
};

/** The contact's timeline, newest first, with the quick Log interaction form above it. */
export function HistorySection({ contact, formOpen, onFormOpen }: Props) {
  const { items, total, nextCursor, status, error, loadingMore } = useTimeline();
  const canWrite = contact.deletedAt === null;

  useEffect(() => {
    void useTimeline.getState().open(contact.id);
    return () => useTimeline.getState().close();
  }, [contact.id]);

  const onSaved = () => {
    onFormOpen(false);
    showToast({ message: `Logged for ${contact.displayName}` });
  };

  return (
    <section className="activity-section" aria-labelledby="history-title">
      <div className="section-header">
        <h2 id="history-title">History</h2>
        {total > 0 && <span className="section-count">{total.toLocaleString()}</span>}
        {canWrite && (
          <Button className="push-right" variant={formOpen ? 'secondary' : 'primary'} aria-expanded={formOpen} onClick={() => onFormOpen(!formOpen)}>
            Log interaction
          </Button>
        )}
      </div>
      {formOpen && canWrite && (
        <LogInteractionForm contactId={contact.id} preferredChannel={contact.preferredChannel} onSaved={onSaved} onCancel={() => onFormOpen(false)} />
      )}
      {status === 'loading' && <p className="loading">Loading history…</p>}
      {status === 'error' && (
        <p className="error-banner" role="alert">
          {error}
        </p>
      )}
      {status === 'ready' && items.length === 0 && <p className="section-empty">Nothing logged yet. Log a call, a note or a gift to start their history.</p>}
      {items.length > 0 && (
        <ol className="timeline">
          {items.map((interaction) => (
            <TimelineEntry key={interaction.id} interaction={interaction} contact={canWrite ? contact : null} />
          ))}
        </ol>
      )}
      {nextCursor !== null && (
        <Button variant="quiet" disabled={loadingMore} onClick={() => void useTimeline.getState().showMore()}>
          {loadingMore ? 'Loading…' : `Show more (${(total - items.length).toLocaleString()} older)`}
        </Button>
      )}
    </section>
  );
}

/** One entry; given the contact (not in the Trash), it can be edited or removed. */
export function TimelineEntry({ interaction, contact = null }: { interaction: Interaction; contact?: Props['contact'] | null }) {
  const [editing, setEditing] = useState(false);
  const when = formatInstant(interaction.occurredAt);
  if (editing && contact) {
    return (
      <li className="timeline-entry">
        <LogInteractionForm
          contactId={contact.id}
          preferredChannel={contact.preferredChannel}
          editing={interaction}
          onSaved={() => {
            setEditing(false);
            showToast({ message: 'Saved your changes' });
          }}
          onCancel={() => setEditing(false)}
        />
      </li>
    );
  }
  return (
    <li className="timeline-entry">
      <div className="timeline-head">
        <strong>{kindWords[interaction.kind]}</strong>
        <time dateTime={interaction.occurredAt}>{when}</time>
        {contact && (
          // "Edit" and "Remove", never "Delete", and no kind in the names: "Delete", "Email"
          // and the like each name one control of the page.
          <span className="timeline-actions">
            <Button variant="quiet" aria-label={`Edit entry of ${when}`} onClick={() => setEditing(true)}>
              Edit
            </Button>
            <Button variant="quiet" aria-label={`Remove entry of ${when}`} onClick={() => void removeInteraction(interaction)}>
              Remove
            </Button>
          </span>
        )}
      </div>
      {interaction.summary && <p className="timeline-summary">{interaction.summary}</p>}
      {interaction.reasons.length > 0 && (
        <p className="timeline-reasons">
          {interaction.reasons.map((reason) => (
            <span key={reason} className="chip">
              {reason}
            </span>
          ))}
        </p>
      )}
      {interaction.referredById !== null && <ReferredBy id={interaction.referredById} />}
      {interaction.outcome && <p className="timeline-outcome">Outcome: {interaction.outcome}</p>}
      <p className="timeline-details">{interactionDetails(interaction)}</p>
    </li>
  );
}

function ReferredBy({ id }: { id: string }) {
  const name = useReferrerNames((state) => state.names[id]);
  useEffect(() => useReferrerNames.getState().need(id), [id]);
  return <p className="timeline-referrer">{name === undefined ? 'Referred by another contact' : `Referred by ${name}`}</p>;
}
