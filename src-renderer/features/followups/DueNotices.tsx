import { navigate } from '../../app/navigation.store.ts';
import { Button } from '../../ui/Button.tsx';
import { formatLocalDate } from '../../ui/dates.ts';
import { digestHeadline, useDueNotices } from './due-notices.store.ts';
import { followupKindWords } from './followup-words.ts';
import { uniqueNames } from './unique-names.ts';

/** Follow-ups the core announced as due, until the user dismisses them: the reminder that never depends on the desktop. */
export function DueNotices() {
  const announcements = useDueNotices((state) => state.announcements);
  const { dismiss, dismissAll } = useDueNotices.getState();
  if (announcements.length === 0) return null;
  const all = announcements.flatMap((announcement) => announcement.items);
  const names = uniqueNames(all.map((item) => ({ base: `Open ${item.contactName}: ${item.title}`, detail: `due ${item.dueDate}` })));
  let index = 0;
  return (
    <section className="due-notices" aria-label="Reminders" role="status">
      {announcements.map((announcement) => (
        <div key={announcement.id} className="due-notice">
          <strong>{digestHeadline(announcement)}</strong>
          <ul>
            {announcement.items.map((item) => {
              const name = names[index++] ?? item.title;
              return (
                <li key={item.id}>
                  <span>
                    {followupKindWords[item.kind]}: {item.title} · {item.contactName}
                    {announcement.missedWhileClosed ? ` · due ${formatLocalDate(item.dueDate)}` : ''}
                  </span>
                  <Button
                    variant="quiet"
                    aria-label={name}
                    onClick={() => {
                      navigate({ screen: 'contact', id: item.contactId });
                      if (announcement.items.length === 1) dismiss(announcement.id);
                    }}
                  >
                    Open
                  </Button>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
      <Button variant="quiet" className="due-notices-dismiss" onClick={dismissAll}>
        Dismiss reminders
      </Button>
    </section>
  );
}
