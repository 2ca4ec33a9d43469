import { useEffect } from 'react';
import type { Contact } from '../../../shared/contacts/contacts.schemas.ts';
import { hrefFor } from '../../app/navigation.store.ts';
import { Button } from '../../ui/Button.tsx';
import { followCompanyPeople, useCompanyPeople } from './company-people.store.ts';

function countOf(total: number): string {
  return `${total.toLocaleString()} ${total === 1 ? 'person' : 'people'}`;
}

/** On a company's page: the people linked to it, each a link to their own page. */
export function CompanyPeople({ company }: { company: Pick<Contact, 'id' | 'displayName'> }) {
  const shownFor = useCompanyPeople((state) => state.companyId);
  const people = useCompanyPeople((state) => state.people);
  const total = useCompanyPeople((state) => state.total);
  const error = useCompanyPeople((state) => state.error);

  useEffect(() => {
    void useCompanyPeople.getState().load(company.id);
    return followCompanyPeople();
  }, [company.id]);

  const ready = shownFor === company.id && people !== null && total !== null;
  let body;
  if (shownFor === company.id && error !== null && people === null) {
    body = (
      <div className="error-banner" role="alert">
        <p>{error}</p>
        <Button onClick={() => void useCompanyPeople.getState().load(company.id)}>Try again</Button>
      </div>
    );
  } else if (!ready) {
    body = <p className="loading">Loading people…</p>;
  } else if (people.length === 0) {
    body = <p className="company-people-empty">No one is linked yet. On a person’s page, choose {company.displayName} as their Company.</p>;
  } else {
    body = (
      <>
        <ul className="people-list">
          {people.map((person) => (
            <li key={person.id}>
              <a href={hrefFor({ screen: 'contact', id: person.id })}>{person.displayName}</a>
              {person.primaryEmail && <span className="people-detail">{person.primaryEmail}</span>}
            </li>
          ))}
        </ul>
        {total > people.length && (
          <p className="people-more">
            Showing the first {people.length.toLocaleString()}. Search to find the others.
          </p>
        )}
      </>
    );
  }

  return (
    <section className="company-people" aria-labelledby="company-people-title">
      <header className="company-people-header">
        {/* Not "People at <name>": a lookup of the page's heading by the company's name must find one. */}
        <h2 id="company-people-title">People</h2>
        {ready && <span className="screen-count">{countOf(total)}</span>}
      </header>
      {body}
    </section>
  );
}
