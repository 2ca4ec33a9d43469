import { useEffect } from 'react';
import type { Contact } from '../../../shared/contacts/contacts.schemas.ts';
import { Button } from '../../ui/Button.tsx';
import { formatLocalDate, todayLocal } from '../../ui/dates.ts';
import { showToast } from '../../ui/toast.store.ts';
import { CalendarExportProblem, ExportCalendarButton, PrintCardButton, printCardNames } from '../cards/CardActions.tsx';
import { PrintPreview } from '../cards/PrintPreview.tsx';
import { AddFollowupForm } from './AddFollowupForm.tsx';
import { useContactFollowups } from './contact-followups.store.ts';
import { markDone, snooze } from './followup-editing.ts';
import { followupKindWords, recurrenceWords } from './followup-words.ts';
import { SnoozeButton } from './SnoozeButton.tsx';
import { uniqueNames } from './unique-names.ts';

type Props = {
  contact: Pick<Contact, 'id' | 'displayName' | 'firstName' | 'deletedAt'>;
  formOpen: boolean;
  onFormOpen: (open: boolean) => void;
};

/** What is planned for this contact: open follow-ups, soonest first, and the Add follow-up form. */
export function FollowupsSection({ contact, formOpen, onFormOpen }: Props) {
  const { items, status, error } = useContactFollowups();
  const canWrite = contact.deletedAt === null;
  const today = todayLocal();

  useEffect(() => {
    void useContactFollowups.getState().open(contact.id);
    return () => useContactFollowups.getState().close();
  }, [contact.id]);

  const names = uniqueNames(items.map((followup) => ({ base: followup.title, detail: `due ${followup.dueDate}` })));
  const printNames = printCardNames(items.map((followup, index) => ({ followup, name: names[index] ?? followup.title })));
  const onSaved = () => {
    onFormOpen(false);
    showToast({ message: `Follow-up added for ${contact.displayName}` });
  };

  return (
    <section className="activity-section" aria-labelledby="followups-title">
      <div className="section-header">
        <h2 id="followups-title">Follow-ups</h2>
        <div className="section-tools push-right">
          {items.length > 0 && <ExportCalendarButton contact={contact} />}
          {canWrite && (
            <Button aria-expanded={formOpen} onClick={() => onFormOpen(!formOpen)}>
              Add follow-up
            </Button>
          )}
        </div>
      </div>
      <CalendarExportProblem />
      <PrintPreview />
      {formOpen && canWrite && (
        <AddFollowupForm contactId={contact.id} firstName={contact.firstName || contact.displayName} onSaved={onSaved} onCancel={() => onFormOpen(false)} />
      )}
      {status === 'error' && (
        <p className="error-banner" role="alert">
          {error}
        </p>
      )}
      {status === 'ready' && items.length === 0 && <p className="section-empty">Nothing planned. Add a note, a call or a gift to send on the right day.</p>}
      {items.length > 0 && (
        <ul className="followup-list">
          {items.map((followup, index) => {
            const name = names[index] ?? followup.title;
            const overdue = followup.dueDate < today;
            return (
              <li key={followup.id} className="followup">
                <div className="followup-main">
                  <strong>{followup.title}</strong>
                  <span className={overdue ? 'due due-overdue' : 'due'}>
                    {followupKindWords[followup.kind]} · {overdue ? 'was due' : 'due'} {formatLocalDate(followup.dueDate)}
                    {followup.dueTime ? ` at ${followup.dueTime}` : ''}
                    {followup.recurrence ? ` · ${recurrenceWords(followup.recurrence)}` : ''}
                  </span>
                  {followup.prompt && <p className="prompt">{followup.prompt}</p>}
                </div>
                {canWrite && (
                  <div className="followup-actions">
                    <Button variant="primary" aria-label={`Mark done: ${name}`} onClick={() => void markDone(followup)}>
                      Mark done
                    </Button>
                    <SnoozeButton name={`Snooze: ${name}`} onSnooze={(until) => void snooze(followup, until)} />
                    <PrintCardButton followup={followup} name={printNames[index] ?? 'Print card'} />
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
