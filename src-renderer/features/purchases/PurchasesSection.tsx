import { useEffect, useRef, useState } from 'react';
import type { Contact } from '../../../shared/contacts/contacts.schemas.ts';
import type { Purchase } from '../../../shared/commerce/commerce.schemas.ts';
import { Button } from '../../ui/Button.tsx';
import { formatLocalDate } from '../../ui/dates.ts';
import { formatMoney } from '../../ui/money.ts';
import { showToast } from '../../ui/toast.store.ts';
import { followCurrency, useCurrency } from '../customer-value/currency.store.ts';
import { PurchaseForm } from './PurchaseForm.tsx';
import { removePurchase } from './purchase-editing.ts';
import { channelWords, purchaseKindWords } from './purchase-words.ts';
import { followPurchases, usePurchases } from './purchases.store.ts';

type Props = {
  contact: Pick<Contact, 'id' | 'displayName' | 'deletedAt'>;
  formOpen: boolean;
  onFormOpen: (open: boolean) => void;
};

/** What the contact bought, newest first, with Add purchase above the list. */
export function PurchasesSection({ contact, formOpen, onFormOpen }: Props) {
  const { items, total, nextCursor, status, error, loadingMore } = usePurchases();
  const canWrite = contact.deletedAt === null;

  useEffect(() => {
    void usePurchases.getState().open(contact.id);
    const stops = [followPurchases(), followCurrency()];
    return () => {
      stops.forEach((stop) => stop());
      usePurchases.getState().close();
    };
  }, [contact.id]);

  const addButton = useRef<HTMLButtonElement>(null);
  // Saved or cancelled, the keyboard goes back where the form was opened from.
  const closeForm = () => {
    onFormOpen(false);
    addButton.current?.focus();
  };
  const onSaved = () => {
    closeForm();
    showToast({ message: `Recorded a purchase for ${contact.displayName}` });
  };

  return (
    <section className="activity-section purchases-section" aria-labelledby="purchases-title">
      <div className="section-header">
        <h2 id="purchases-title">Purchases</h2>
        {total > 0 && <span className="section-count">{total.toLocaleString()}</span>}
        {canWrite && (
          <Button ref={addButton} className="push-right" variant={formOpen ? 'secondary' : 'primary'} aria-expanded={formOpen} onClick={() => onFormOpen(!formOpen)}>
            Add purchase
          </Button>
        )}
      </div>
      {formOpen && canWrite && <PurchaseForm contactId={contact.id} onSaved={onSaved} onCancel={closeForm} />}
      {status === 'loading' && <p className="loading">Loading purchases…</p>}
      {status === 'error' && (
        <p className="error-banner" role="alert">
          Purchases could not be loaded: {error}
        </p>
      )}
      {status === 'ready' && items.length === 0 && <p className="section-empty">No purchases yet. Add one, or import them from your till or accounts under Backup & data.</p>}
      {items.length > 0 && (
        <ol className="timeline purchase-list">
          {items.map((purchase) => (
            <PurchaseEntry key={purchase.id} purchase={purchase} contactId={canWrite ? contact.id : null} />
          ))}
        </ol>
      )}
      {nextCursor !== null && (
        <Button variant="quiet" disabled={loadingMore} onClick={() => void usePurchases.getState().loadMore()}>
          {loadingMore ? 'Loading…' : `Load more (${(total - items.length).toLocaleString()} older)`}
        </Button>
      )}
    </section>
  );
}

/** One purchase; given the contact (not in the Trash), it can be edited or removed. */
function PurchaseEntry({ purchase, contactId }: { purchase: Purchase; contactId: string | null }) {
  const [editing, setEditing] = useState(false);
  const currency = useCurrency((state) => state.currency);
  const when = formatLocalDate(purchase.occurredOn);
  const amount = formatMoney(purchase.kind === 'refund' ? -purchase.grossCents : purchase.grossCents, currency);
  // Named by day and amount: two purchases on one day still get told apart.
  const which = `purchase of ${when}, ${amount}`;
  if (editing && contactId) {
    return (
      <li className="timeline-entry">
        <PurchaseForm
          contactId={contactId}
          editing={purchase}
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
    <li className="timeline-entry purchase">
      <div className="timeline-head">
        <time dateTime={purchase.occurredOn}>{when}</time>
        <strong>{purchase.description || purchaseKindWords[purchase.kind]}</strong>
        <span className="purchase-amount push-right">{amount}</span>
        {contactId && (
          // "Remove", never "Delete": the contact's own Delete is the one control of that name on the page.
          <span className="timeline-actions">
            <Button variant="quiet" aria-label={`Edit ${which}`} onClick={() => setEditing(true)}>
              Edit
            </Button>
            <Button variant="quiet" aria-label={`Remove ${which}`} onClick={() => void removePurchase(purchase)}>
              Remove
            </Button>
          </span>
        )}
      </div>
      <p className="timeline-details">
        {[
          // Without a description the title already says the kind.
          purchase.description ? purchaseKindWords[purchase.kind] : '',
          purchase.discountCents > 0 ? `discount ${formatMoney(purchase.discountCents, currency)}${purchase.discountReason ? ` (${purchase.discountReason})` : ''}` : '',
          channelWords(purchase.channel),
        ]
          .filter(Boolean)
          .join(' · ')}
      </p>
    </li>
  );
}
