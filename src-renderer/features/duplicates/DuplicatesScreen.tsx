import { useEffect, useId, useState } from 'react';
import type { Contact } from '../../../shared/contacts/contacts.schemas.ts';
import type { DuplicateGroup } from '../../../shared/duplicates/duplicates.schemas.ts';
import { hrefFor } from '../../app/navigation.store.ts';
import { Button } from '../../ui/Button.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { formatMoment } from '../backup/backup-words.ts';
import { mergeContacts } from './duplicate-merging.ts';
import { useDuplicates } from './duplicates.store.ts';

const reasonWords: Record<DuplicateGroup['reason'], string> = {
  email: 'Same email',
  phone: 'Same phone',
  name: 'Similar names',
};

/** Contacts that look like one person, side by side; choose who stays and merge, one pair at a time. */
export function DuplicatesScreen() {
  const groups = useDuplicates((state) => state.groups);
  const error = useDuplicates((state) => state.error);
  useEffect(() => void useDuplicates.getState().load(), []);

  let body;
  if (error) {
    body = (
      <div className="error-banner" role="alert">
        <p>{error}</p>
        <Button onClick={() => void useDuplicates.getState().load()}>Try again</Button>
      </div>
    );
  } else if (groups === null) {
    body = <p className="loading">Looking for duplicates…</p>;
  } else if (groups.length === 0) {
    body = (
      <EmptyState title="No duplicates found">
        <p>No two contacts share an email or phone, and no names are nearly the same.</p>
      </EmptyState>
    );
  } else {
    body = groups.map((group) => <GroupCard key={group.contacts.map((contact) => contact.id).join(' ')} group={group} />);
  }

  return (
    <div className="screen screen-scroll">
      <header className="screen-header">
        <h1>Duplicates</h1>
        {groups && groups.length > 0 && <p className="screen-count">{`${groups.length.toLocaleString()} ${groups.length === 1 ? 'group' : 'groups'} to look at`}</p>}
      </header>
      <p className="panel-text">Merging keeps every email, phone, tag, note, interaction, follow-up and purchase of both, and can be undone.</p>
      {body}
    </div>
  );
}

/** "Grace Hopper (1)", "Grace Hopper (2)" where a group repeats a name, so each one can be told apart, by eye and by name. */
function cardNames(contacts: readonly Contact[]): Map<string, string> {
  const total = new Map<string, number>();
  for (const contact of contacts) total.set(contact.displayName, (total.get(contact.displayName) ?? 0) + 1);
  const seen = new Map<string, number>();
  return new Map(
    contacts.map((contact) => {
      const times = (seen.get(contact.displayName) ?? 0) + 1;
      seen.set(contact.displayName, times);
      return [contact.id, (total.get(contact.displayName) ?? 0) > 1 ? `${contact.displayName} (${times})` : contact.displayName];
    }),
  );
}

function GroupCard({ group }: { group: DuplicateGroup }) {
  const id = useId();
  const [keepId, setKeepId] = useState(group.contacts[0]!.id);
  const [merging, setMerging] = useState(false);
  const keep = group.contacts.find((contact) => contact.id === keepId) ?? group.contacts[0]!;
  // Groups of three or more merge one at a time: the next one after the one that stays.
  const merge = group.contacts.find((contact) => contact.id !== keep.id)!;
  const more = group.contacts.length - 2;
  const names = cardNames(group.contacts);
  const nameOf = (contact: Contact) => names.get(contact.id) ?? contact.displayName;

  return (
    // Not a named region: its heading quotes an email or name, which lookups by label would find.
    <section className="panel duplicate-group">
      <h2>{`${reasonWords[group.reason]}: ${group.value}`}</h2>
      <fieldset className="duplicate-cards">
        <legend>Keep</legend>
        {group.contacts.map((contact) => (
          <ContactCard
            key={contact.id}
            contact={contact}
            name={nameOf(contact)}
            group={id}
            chosen={contact.id === keep.id}
            next={more > 0 && contact.id === merge.id}
            onChoose={() => setKeepId(contact.id)}
          />
        ))}
      </fieldset>
      <div className="toolbar">
        <Button
          variant="primary"
          aria-describedby={`${id}-what`}
          disabled={merging}
          onClick={async () => {
            setMerging(true);
            await mergeContacts({ id: keep.id, displayName: nameOf(keep) }, { id: merge.id, displayName: nameOf(merge) });
            setMerging(false);
          }}
        >
          Merge
        </Button>
        <p id={`${id}-what`} className="muted">
          {`Folds ${nameOf(merge)} into ${nameOf(keep)}.`}
          {more > 0 && ` Then ${more.toLocaleString()} more to merge here.`}
        </p>
      </div>
    </section>
  );
}

type CardProps = { contact: Contact; name: string; group: string; chosen: boolean; next: boolean; onChoose: () => void };

function ContactCard({ contact, name, group, chosen, next, onChoose }: CardProps) {
  return (
    <div className={chosen ? 'duplicate-card duplicate-card-kept' : 'duplicate-card'}>
      <label className="duplicate-keep">
        <input type="radio" name={`keep-${group}`} checked={chosen} onChange={onChoose} />
        <strong>{name}</strong>
      </label>
      {next && <p className="duplicate-next">Merged in next</p>}
      <dl>
        <dt>Emails</dt>
        <dd>{contact.emails.map((email) => email.value).join(', ') || '—'}</dd>
        <dt>Phones</dt>
        <dd>{contact.phones.map((phone) => phone.value).join(', ') || '—'}</dd>
        <dt>Company</dt>
        <dd>{contact.company || '—'}</dd>
        <dt>Created</dt>
        <dd>{formatMoment(contact.createdAt)}</dd>
      </dl>
      <a className="back-link" href={hrefFor({ screen: 'contact', id: contact.id })} aria-label={`Open ${name}’s page`}>
        Open page
      </a>
    </div>
  );
}
