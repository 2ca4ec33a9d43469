import { useEffect } from 'react';
import type { LosingTouchItem, TodayContact, TodayItem, TodayView } from '../../../shared/followups/followups.schemas.ts';
import { hrefFor } from '../../app/navigation.store.ts';
import { Button } from '../../ui/Button.tsx';
import { formatInstant, formatLocalDate, formatLongDate } from '../../ui/dates.ts';
import { CalendarExportProblem, ExportCalendarButton, PrintAllDueCardsButton, PrintCardButton, printCardNames } from '../cards/CardActions.tsx';
import { isCardKind } from '../cards/cards.store.ts';
import { PrintPreview } from '../cards/PrintPreview.tsx';
import { kindWords } from '../history/history-words.ts';
import { turnOnDesktopReminders, useDesktopReminders } from './desktop-reminders.ts';
import { markDone, markInTouch, planToGetInTouch, snooze } from './followup-editing.ts';
import { followupKindWords, preferenceLine } from './followup-words.ts';
import { SnoozeButton } from './SnoozeButton.tsx';
import { useToday } from './today.store.ts';
import { uniqueNames } from './unique-names.ts';

/** `printName` is its Print card's name (only follow-ups have one). */
type Named<T> = { item: T; name: string; printName: string };

/** Every item's "…: what — who" once, unique across the whole screen (Mark done and Snooze share it). */
function nameItems(view: TodayView) {
  const followups = [...view.overdue, ...view.dueToday, ...view.upcoming];
  const all = [
    ...followups.map((item) => ({ base: `${item.followup.title} — ${item.contact.displayName}`, detail: `due ${item.followup.dueDate}` })),
    ...view.losingTouch.map((item) => ({ base: `Get in touch with ${item.contact.displayName}`, detail: item.contact.id.slice(0, 8) })),
  ];
  const names = uniqueNames(all);
  const printNames = printCardNames(followups.map((item, index) => ({ followup: item.followup, name: names[index] ?? '' })));
  let index = 0;
  const take = <T,>(items: T[]): Named<T>[] =>
    items.map((item) => {
      const at = index++;
      return { item, name: names[at] ?? '', printName: printNames[at] ?? '' };
    });
  return { overdue: take(view.overdue), dueToday: take(view.dueToday), upcoming: take(view.upcoming), losingTouch: take(view.losingTouch) };
}

/** What to do today, and what is coming: everything needed to write a good note without opening anything else. */
export function TodayScreen() {
  const view = useToday((state) => state.view);
  const error = useToday((state) => state.error);
  const permission = useDesktopReminders((state) => state.permission);

  useEffect(() => {
    void useToday.getState().refresh();
  }, []);

  const named = view ? nameItems(view) : null;
  const dueCards = view ? [...view.overdue, ...view.dueToday].filter((item) => isCardKind(item.followup.kind)).length : 0;
  return (
    <div className="screen screen-scroll today">
      <header className="screen-header">
        {/* The date, not "Today": that name belongs to the section heading below. */}
        <h1>{view ? formatLongDate(view.today) : 'Your day'}</h1>
        <div className="today-tools push-right">
          {named && <PrintAllDueCardsButton dueCards={dueCards} />}
          <ExportCalendarButton />
          {permission === 'default' && <Button onClick={() => void turnOnDesktopReminders()}>Turn on desktop reminders</Button>}
        </div>
      </header>
      <CalendarExportProblem />
      <PrintPreview />
      {permission === 'denied' && <p className="field-hint">Desktop reminders are blocked in this browser; reminders still show here in the app.</p>}
      {error && (
        <p className="error-banner" role="alert">
          {error}
        </p>
      )}
      {!named && !error && <p className="loading">Loading today…</p>}
      {named && (
        <>
          <TodaySection title="Overdue" items={named.overdue} empty="Nothing overdue. Well kept." />
          <TodaySection title="Today" items={named.dueToday} empty="Nothing due today." />
          <TodaySection title="Upcoming" items={named.upcoming} empty="Nothing due in the next 7 days." />
          <section className="today-section">
            <h2>Losing touch</h2>
            {named.losingTouch.length === 0 ? (
              <p className="section-empty">No one is slipping away. Set “Keep in touch every (days)” on a contact to watch them here.</p>
            ) : (
              <ul className="today-list">
                {named.losingTouch.map(({ item, name }) => (
                  <LosingTouchCard key={item.contact.id} item={item} name={name} />
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </div>
  );
}

// Sections are found by their headings, not named as regions: a region named "Today"
// would be one more thing answering to "Today" besides the sidebar's link.
function TodaySection({ title, items, empty }: { title: string; items: Named<TodayItem>[]; empty: string }) {
  return (
    <section className="today-section">
      <div className="section-header">
        <h2>{title}</h2>
        {items.length > 0 && <span className="section-count">{items.length}</span>}
      </div>
      {items.length === 0 ? (
        <p className="section-empty">{empty}</p>
      ) : (
        <ul className="today-list">
          {items.map(({ item, name, printName }) => (
            <FollowupCard key={item.followup.id} item={item} name={name} printName={printName} />
          ))}
        </ul>
      )}
    </section>
  );
}

function FollowupCard({ item, name, printName }: { item: TodayItem; name: string; printName: string }) {
  const { followup, contact } = item;
  return (
    <li className="today-card">
      <div className="today-card-main">
        <p className="today-what">
          <span className="kind-label">{followupKindWords[followup.kind]}</span> {followup.title}
        </p>
        <p className="today-who">
          <a href={hrefFor({ screen: 'contact', id: contact.id })}>{contact.displayName}</a>
          <span className="due">
            {' · '}
            {formatLocalDate(followup.dueDate)}
            {followup.dueTime ? ` at ${followup.dueTime}` : ''}
          </span>
          <Preference contact={contact} />
        </p>
        {followup.prompt && <p className="prompt">{followup.prompt}</p>}
        <RecentHistory contact={contact} />
      </div>
      <div className="followup-actions">
        <Button variant="primary" aria-label={`Mark done: ${name}`} onClick={() => void markDone(followup)}>
          Mark done
        </Button>
        <SnoozeButton name={`Snooze: ${name}`} onSnooze={(until) => void snooze(followup, until)} />
        <PrintCardButton followup={followup} name={printName} />
      </div>
    </li>
  );
}

function LosingTouchCard({ item, name }: { item: LosingTouchItem; name: string }) {
  const { contact } = item;
  const since = item.daysSince === null ? 'Never in touch yet' : `Last in touch ${item.daysSince} days ago`;
  return (
    <li className="today-card">
      <div className="today-card-main">
        <p className="today-what">
          {since} <span className="due">(you wanted every {item.keepInTouchDays} days)</span>
        </p>
        <p className="today-who">
          <a href={hrefFor({ screen: 'contact', id: contact.id })}>{contact.displayName}</a>
          <Preference contact={contact} />
        </p>
        <RecentHistory contact={contact} />
      </div>
      <div className="followup-actions">
        <Button variant="primary" aria-label={`Mark done: ${name}`} title="Log that you got in touch" onClick={() => void markInTouch(contact)}>
          Mark done
        </Button>
        <SnoozeButton name={`Snooze: ${name}`} onSnooze={(until) => void planToGetInTouch(contact, until)} />
      </div>
    </li>
  );
}

function Preference({ contact }: { contact: TodayContact }) {
  const line = preferenceLine(contact.preferredChannel, contact.preferredTime);
  return line ? <span className="preference"> · {line}</span> : null;
}

function RecentHistory({ contact }: { contact: TodayContact }) {
  if (contact.recent.length === 0) return <p className="recent-empty">No history yet.</p>;
  return (
    <ol className="recent" aria-label={`Last interactions with ${contact.displayName}`}>
      {contact.recent.map((interaction) => (
        <li key={interaction.id}>
          <span className="recent-when">{formatInstant(interaction.occurredAt)}</span> <strong>{kindWords[interaction.kind]}</strong>
          {interaction.summary ? `: ${interaction.summary}` : ''}
          {interaction.reasons.length > 0 ? ` (${interaction.reasons.join(', ')})` : ''}
        </li>
      ))}
    </ol>
  );
}
