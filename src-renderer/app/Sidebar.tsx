import { useEffect } from 'react';
import { useContactCounts } from '../features/contacts/contact-counts.store.ts';
import { hrefFor, useNavigation } from './navigation.store.ts';

const comingSoon = ['Today', 'Insights', 'Backup'] as const;

export function Sidebar() {
  const screen = useNavigation((state) => state.route.screen);
  const inContacts = screen !== 'trash';
  const counts = useContactCounts((state) => state.counts);
  useEffect(() => {
    void useContactCounts.getState().refresh();
  }, []);
  return (
    <nav className="sidebar" aria-label="Sections">
      <p className="brand">Ambassador</p>
      <ul>
        <li>
          <a className="nav-item" href={hrefFor({ screen: 'contacts' })} aria-current={inContacts ? 'page' : undefined}>
            Contacts
          </a>
          <Count value={counts?.contacts} what="contacts" />
        </li>
        {comingSoon.map((name) => (
          <li key={name}>
            {/* Not a link or button: nothing to click until the feature exists. */}
            <span className="nav-item nav-soon" aria-disabled="true">
              {name} <small>coming soon</small>
            </span>
          </li>
        ))}
      </ul>
      <ul className="nav-bottom">
        <li>
          <a className="nav-item" href={hrefFor({ screen: 'trash' })} aria-current={screen === 'trash' ? 'page' : undefined}>
            Trash
          </a>
          <Count value={counts?.trash} what="in the Trash" />
        </li>
      </ul>
    </nav>
  );
}

/** Beside its link, not inside it, so the link's name stays exactly "Contacts" or "Trash". */
function Count({ value, what }: { value: number | undefined; what: string }) {
  if (value === undefined) return null;
  return (
    <span className="nav-count" title={`${value.toLocaleString()} ${what}`}>
      {value.toLocaleString()}
    </span>
  );
}
