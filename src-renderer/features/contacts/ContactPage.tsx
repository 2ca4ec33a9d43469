import { useCallback, useEffect, useState } from 'react';
import type { Contact } from '../../../shared/contacts/contacts.schemas.ts';
import { apiErrorOf } from '../../api/client.ts';
import { hrefFor, navigate } from '../../app/navigation.store.ts';
import { Button } from '../../ui/Button.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { showToast } from '../../ui/toast.store.ts';
import { FollowupsSection } from '../followups/FollowupsSection.tsx';
import { ProfitAndLossSection } from '../customer-value/ProfitAndLossSection.tsx';
import { HistorySection } from '../history/HistorySection.tsx';
import { LoyaltySection } from '../loyalty/LoyaltySection.tsx';
import { PlansSection } from '../plans/PlansSection.tsx';
import { PurchasesSection } from '../purchases/PurchasesSection.tsx';
import { CompanyPeople } from './CompanyPeople.tsx';
import { ContactForm } from './ContactForm.tsx';
import { getContact, moveToTrash, restoreContact } from './contact-editing.ts';

/** One quick form open at a time: they share field names (Date, Kind, Channel, Reason), and two would crowd the page. */
type OpenForm = 'log' | 'followup' | 'purchase' | 'stage' | null;

type Loaded = { status: 'loading' } | { status: 'missing'; message: string } | { status: 'ready'; contact: Contact; version: number };

const backToList = () => navigate({ screen: 'contacts' });

/** One contact (or a new one): its form, Delete, and Esc to go back to the list (unsaved edits are kept as a draft). */
export function ContactPage({ id }: { id: string | null }) {
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [openForm, setOpenForm] = useState<OpenForm>(null);
  const toggle = (form: Exclude<OpenForm, null>) => (open: boolean) => setOpenForm(open ? form : null);

  const load = useCallback(async () => {
    if (id === null) return;
    try {
      const contact = await getContact(id);
      setLoaded((current) => ({ status: 'ready', contact, version: current.status === 'ready' ? current.version + 1 : 0 }));
    } catch (thrown) {
      setLoaded({ status: 'missing', message: apiErrorOf(thrown).message });
    }
  }, [id]);

  useEffect(() => {
    setLoaded({ status: 'loading' });
    void load();
  }, [load]);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !event.defaultPrevented) backToList();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  const restoreHere = async (contactId: string) => {
    try {
      await restoreContact(contactId);
      await load();
    } catch (thrown) {
      showToast({ message: apiErrorOf(thrown).message });
    }
  };

  /** The form saved or took another version: the header follows without remounting the form. */
  const showContact = (shown: Contact) =>
    setLoaded((current) => (current.status === 'ready' ? { ...current, contact: shown } : current));

  const contact = loaded.status === 'ready' ? loaded.contact : null;
  const title = id === null ? 'New contact' : (contact?.displayName ?? 'Contact');

  let body;
  if (id === null) {
    const onCreated = (saved: Contact) => {
      showToast({ message: `Added ${saved.displayName}` });
      navigate({ screen: 'contact', id: saved.id });
    };
    body = <ContactForm contact={null} onSaved={onCreated} />;
  } else if (loaded.status === 'loading') {
    body = <p className="loading">Loading contact…</p>;
  } else if (loaded.status === 'missing') {
    body = (
      <EmptyState title="This contact could not be opened" actions={<Button onClick={backToList}>Back to contacts</Button>}>
        <p>{loaded.message}</p>
      </EmptyState>
    );
  } else {
    body = (
      <ContactForm
        key={loaded.version}
        contact={loaded.contact}
        onSaved={showContact}
        onReplaced={showContact}
      />
    );
  }

  return (
    <div className="screen screen-scroll">
      <header className="screen-header">
        {/* Not "All contacts": a second link containing "Contacts" would make the sidebar's ambiguous. */}
        <a className="back-link" href={hrefFor({ screen: 'contacts' })}>
          ← Back to the list
        </a>
        <h1>{title}</h1>
        {contact && contact.deletedAt === null && (
          <Button variant="danger" className="push-right" onClick={() => void moveToTrash(contact)}>
            Delete
          </Button>
        )}
      </header>
      {contact?.kind === 'person' && contact.companyId !== null && (
        <p className="contact-company">
          Company: <a href={hrefFor({ screen: 'contact', id: contact.companyId })}>{contact.company}</a>
        </p>
      )}
      {contact?.deletedAt && (
        <div className="notice" role="status">
          <p>This contact is in the Trash.</p>
          <Button onClick={() => void restoreHere(contact.id)}>Restore</Button>
        </div>
      )}
      {contact?.kind === 'company' && <CompanyPeople company={contact} />}
      {contact ? (
        <div className="contact-layout">
          <div className="contact-details">{body}</div>
          <div className="contact-activity">
            <FollowupsSection contact={contact} formOpen={openForm === 'followup'} onFormOpen={toggle('followup')} />
            <PlansSection contact={contact} />
            <LoyaltySection contact={contact} formOpen={openForm === 'stage'} onFormOpen={toggle('stage')} />
            <ProfitAndLossSection contactId={contact.id} />
            <PurchasesSection contact={contact} formOpen={openForm === 'purchase'} onFormOpen={toggle('purchase')} />
            <HistorySection contact={contact} formOpen={openForm === 'log'} onFormOpen={toggle('log')} />
          </div>
        </div>
      ) : (
        body
      )}
    </div>
  );
}
