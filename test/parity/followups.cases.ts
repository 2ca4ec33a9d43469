import { expect } from 'vitest';
import type { Completed, DueCounts, Followup, TodayView } from '../../shared/followups/followups.schemas.ts';
import type { TimelinePage } from '../../shared/history/history.schemas.ts';
import { create, fieldPaths, idOf } from './checks.ts';
import type { ParityCase } from './parity-case.ts';

// Dates far from today (2001, 2099), so no case depends on the day it runs.
const note = (contact: string, more: object = {}) => (kept: Record<string, { id: string }>) => ({
  contactId: kept[contact]!.id,
  kind: 'handwritten_note',
  title: 'Thank-you note after the closing',
  dueDate: '2099-06-01',
  prompt: 'Mention the garden they loved.',
  ...more,
});

/** Planning, doing and finding follow-ups, and the Today view. */
export const followupsCases: ParityCase[] = [
  {
    name: 'plans a follow-up, edits, snoozes, deletes and restores it',
    steps: [
      create({ firstName: 'Ada', lastName: 'Lovelace' }, 'ada'),
      { call: 'followups.create', input: note('ada'), keep: 'note', check: (made: Followup) => expect(made).toMatchObject({ status: 'open', dueDate: '2099-06-01', snoozedFrom: null }) },
      { call: 'followups.get', input: idOf('note'), answer: (kept) => ({ ok: true, value: kept.note }) },
      {
        call: 'followups.update',
        input: (kept) => ({ id: kept.note.id, expectedUpdatedAt: kept.note.updatedAt, fields: { kind: 'gift', title: 'Housewarming gift', dueDate: '2099-06-02', recurrence: { every: 1, unit: 'years' } } }),
        check: (edited: Followup) => expect(edited).toMatchObject({ kind: 'gift', dueDate: '2099-06-02', recurrence: { every: 1, unit: 'years' } }),
      },
      { call: 'followups.snooze', input: (kept) => ({ id: kept.note.id, until: '2099-07-01' }), check: (snoozed: Followup) => expect(snoozed).toMatchObject({ dueDate: '2099-07-01', snoozedFrom: '2099-06-02' }) },
      { call: 'followups.delete', input: idOf('note'), check: (deleted: Followup) => expect(deleted.deletedAt).not.toBeNull() },
      { call: 'followups.list', input: (kept) => ({ contactId: kept.ada.id }), answer: { ok: true, value: [] } },
      { call: 'followups.restore', input: idOf('note') },
      { call: 'followups.list', input: (kept) => ({ contactId: kept.ada.id, status: 'open' }), check: (open: Followup[]) => expect(open.map((each) => each.title)).toEqual(['Housewarming gift']) },
    ],
  },
  {
    name: 'Mark done logs a handwritten note in history and plans the next of a series; skip closes one',
    steps: [
      create({ firstName: 'Ada' }, 'ada'),
      { call: 'followups.create', input: note('ada', { recurrence: { every: 1, unit: 'months' }, dueDate: '2099-01-31' }), keep: 'note' },
      {
        call: 'followups.complete',
        input: (kept) => ({ id: kept.note.id, outcome: 'Sent on cream paper' }),
        check: (done: Completed) => {
          expect(done.followup.status).toBe('done');
          expect(done.interaction).toMatchObject({ kind: 'handwritten_note', outcome: 'Sent on cream paper', followupId: done.followup.id });
          expect(done.next?.dueDate).toBe('2099-02-28');
        },
      },
      { call: 'history.timeline', input: (kept) => ({ contactId: kept.ada.id }), check: (page: TimelinePage) => expect(page.items.map((item) => item.kind)).toEqual(['handwritten_note']) },
      { call: 'followups.create', input: note('ada', { kind: 'call', title: 'Call' }), keep: 'call' },
      { call: 'followups.skip', input: idOf('call'), check: (skipped: Followup) => expect(skipped.status).toBe('skipped') },
    ],
  },
  {
    name: 'Today lists an overdue follow-up with its contact, and the sidebar counts it',
    steps: [
      create({ firstName: 'Grace', preferredChannel: 'phone' }, 'grace'),
      { call: 'followups.create', input: note('grace', { title: 'Long overdue call', kind: 'thank_you_call', dueDate: '2001-01-01' }) },
      { call: 'followups.create', input: note('grace') },
      {
        call: 'followups.today',
        check: (view: TodayView) => {
          expect(view.overdue.map((item) => [item.followup.title, item.contact.displayName, item.contact.preferredChannel])).toEqual([['Long overdue call', 'Grace', 'phone']]);
          expect(view.losingTouch).toEqual([]);
        },
      },
      { call: 'followups.dueCounts', check: (counts: DueCounts) => expect(counts.overdue).toBe(1) },
    ],
  },
  {
    name: 'refuses a day that does not exist, a repeat of 0 and a contact in the Trash, naming the field',
    steps: [
      create({ firstName: 'Tom' }, 'tom'),
      { call: 'followups.create', input: note('tom', { dueDate: '2099-02-30' }), refusal: (error) => { fieldPaths('dueDate')(error); expect(error.message).toMatch(/^Please check: Due date: /); } },
      { call: 'followups.create', input: note('tom', { recurrence: { every: 0, unit: 'days' } }), refusal: (error) => { fieldPaths('recurrence.every')(error); expect(error.message).toMatch(/Repeat: /); } },
      { call: 'contacts.delete', input: idOf('tom') },
      { call: 'followups.create', input: note('tom'), refusal: (error) => { fieldPaths('contactId')(error); expect(error.message).toMatch(/^Please check: Contact: Tom is in the Trash/); } },
    ],
  },
];
