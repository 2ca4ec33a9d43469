import { useEffect } from 'react';
import { useBackupStatus } from '../features/backup/backup-status.store.ts';
import { useContactCounts } from '../features/contacts/contact-counts.store.ts';
import { useDueCounts } from '../features/followups/due-counts.store.ts';
import { hrefFor, useNavigation } from './navigation.store.ts';

export function Sidebar() {
  const screen = useNavigation((state) => state.route.screen);
  const inContacts = screen === 'contacts' || screen === 'new-contact' || screen === 'contact';
  const inData = screen === 'backup' || screen === 'duplicates';
  const inPlans = screen === 'plans' || screen === 'new-plan' || screen === 'plan';
  const counts = useContactCounts((state) => state.counts);
  const due = useDueCounts((state) => state.counts);
  const backupWarning = useBackupStatus((state) => state.status?.warning ?? null);
  useEffect(() => {
    void useBackupStatus.getState().refresh();
    void useContactCounts.getState().refresh();
    void useDueCounts.getState().refresh();
  }, []);
  return (
    <nav className="sidebar" aria-label="Sections">
      <p className="brand" role="img" aria-label="Ambassador" />
      <ul>
        <li>
          <a className="nav-item" href={hrefFor({ screen: 'today' })} aria-current={screen === 'today' ? 'page' : undefined}>
            Today
          </a>
          {due && due.overdue + due.today > 0 && (
            <Count value={due.overdue + due.today} title={dueWords(due.overdue, due.today)} urgent={due.overdue > 0} />
          )}
        </li>
        <li>
          <a className="nav-item" href={hrefFor({ screen: 'contacts' })} aria-current={inContacts ? 'page' : undefined}>
            Contacts
          </a>
          <Count value={counts?.contacts} title={`${(counts?.contacts ?? 0).toLocaleString()} contacts`} />
        </li>
        <li>
          <a className="nav-item" href={hrefFor({ screen: 'plans' })} aria-current={inPlans ? 'page' : undefined}>
            Plans
          </a>
        </li>
        <li>
          <a className="nav-item" href={hrefFor({ screen: 'backup' })} aria-current={inData ? 'page' : undefined}>
            Backup
          </a>
          {backupWarning && (
            <span className="nav-count nav-count-urgent" title={backupWarning}>
              !
            </span>
          )}
        </li>
        <li>
          <a className="nav-item" href={hrefFor({ screen: 'insights' })} aria-current={screen === 'insights' ? 'page' : undefined}>
            Insights
          </a>
        </li>
      </ul>
      <ul className="nav-bottom">
        <li>
          <a className="nav-item" href={hrefFor({ screen: 'trash' })} aria-current={screen === 'trash' ? 'page' : undefined}>
            Trash
          </a>
          <Count value={counts?.trash} title={`${(counts?.trash ?? 0).toLocaleString()} in the Trash`} />
        </li>
      </ul>
    </nav>
  );
}

function dueWords(overdue: number, today: number): string {
  return `${overdue.toLocaleString()} overdue, ${today.toLocaleString()} due today`;
}

/** Beside its link, not inside it, so the link's name stays exactly "Today", "Contacts" or "Trash". */
function Count({ value, title, urgent = false }: { value: number | undefined; title: string; urgent?: boolean }) {
  if (value === undefined) return null;
  return (
    <span className={urgent ? 'nav-count nav-count-urgent' : 'nav-count'} title={title}>
      {value.toLocaleString()}
    </span>
  );
}
