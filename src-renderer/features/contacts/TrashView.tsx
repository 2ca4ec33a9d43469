import { useEffect, useState } from 'react';
import type { ContactSummary } from '../../../shared/contacts/contacts.schemas.ts';
import { apiErrorOf } from '../../api/client.ts';
import { Button } from '../../ui/Button.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { showToast } from '../../ui/toast.store.ts';
import { restoreContact } from './contact-editing.ts';
import { formatDay } from './ContactRow.tsx';
import { useTrash } from './trash.store.ts';

function countInTrash(total: number): string {
  return `${total.toLocaleString()} ${total === 1 ? 'contact' : 'contacts'} in the Trash`;
}

/** Deleted contacts, most recently deleted first as the core returns them, a page at a time, each one click from coming back. */
export function TrashView() {
  const trash = useTrash((state) => state.rows);
  const trashTotal = useTrash((state) => state.total);
  const trashError = useTrash((state) => state.error);
  const loadingMore = useTrash((state) => state.loadingMore);
  const [restoring, setRestoring] = useState<Set<string>>(new Set());

  useEffect(() => void useTrash.getState().load(), []);

  const restore = async (contact: ContactSummary) => {
    setRestoring((current) => new Set(current).add(contact.id));
    try {
      await restoreContact(contact.id);
      showToast({ message: `Restored ${contact.displayName}` });
    } catch (thrown) {
      showToast({ message: apiErrorOf(thrown).message });
    } finally {
      setRestoring((current) => {
        const next = new Set(current);
        next.delete(contact.id);
        return next;
      });
    }
  };

  let body;
  if (trashError) {
    body = (
      <div className="error-banner" role="alert">
        <p>{trashError}</p>
        <Button onClick={() => void useTrash.getState().load()}>Try again</Button>
      </div>
    );
  } else if (trash === null) {
    body = <p className="loading">Loading Trash…</p>;
  } else if (trash.length === 0) {
    body = (
      <EmptyState title="Trash is empty">
        <p>When you delete a contact it waits here, so you can restore it if you change your mind.</p>
      </EmptyState>
    );
  } else {
    const remaining = Math.max(0, (trashTotal ?? trash.length) - trash.length);
    body = (
      <>
        <table className="trash-table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Company</th>
              <th scope="col">Email address</th>
              <th scope="col">Deleted</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {trash.map((contact) => (
              <tr key={contact.id}>
                <th scope="row">{contact.displayName}</th>
                <td>{contact.company}</td>
                <td>{contact.primaryEmail ?? ''}</td>
                <td>{contact.deletedAt ? formatDay(contact.deletedAt) : ''}</td>
                <td>
                  <Button onClick={() => void restore(contact)} disabled={restoring.has(contact.id)}>
                    Restore
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {remaining > 0 && (
          <div className="trash-more">
            <Button onClick={() => void useTrash.getState().loadMore()} disabled={loadingMore} aria-busy={loadingMore || undefined}>
              Show more
            </Button>
            <span className="trash-more-count">{`${remaining.toLocaleString()} more not shown`}</span>
          </div>
        )}
      </>
    );
  }

  return (
    <div className="screen screen-scroll">
      <header className="screen-header">
        <h1>Trash</h1>
        {trashTotal !== null && !trashError && (
          <p className="screen-count" aria-live="polite">
            {countInTrash(trashTotal)}
          </p>
        )}
      </header>
      {body}
    </div>
  );
}
