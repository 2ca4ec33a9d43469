import { hrefFor, useNavigation } from './navigation.store.ts';

const comingSoon = ['Today', 'Insights', 'Backup'] as const;

export function Sidebar() {
  const screen = useNavigation((state) => state.route.screen);
  const inContacts = screen !== 'trash';
  return (
    <nav className="sidebar" aria-label="Sections">
      <p className="brand">Ambassador</p>
      <ul>
        <li>
          <a className="nav-item" href={hrefFor({ screen: 'contacts' })} aria-current={inContacts ? 'page' : undefined}>
            Contacts
          </a>
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
        </li>
      </ul>
    </nav>
  );
}
