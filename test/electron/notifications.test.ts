import { describe, expect, it, vi } from 'vitest';
import type { DueNotice } from '../../shared/followups/followups.schemas.ts';

// Due follow-ups as native notifications, against a stand-in electron module
// whose Notification records what it was asked to show.
const fake = vi.hoisted(() => ({ supported: true, shown: [] as Array<{ title: string; body: string }> }));
vi.mock('electron', async () => {
  const { EventEmitter } = await import('node:events');
  return {
    Notification: class extends EventEmitter {
      static isSupported = () => fake.supported;
      options: { title: string; body: string };
      constructor(options: { title: string; body: string }) {
        super();
        this.options = options;
      }
      show() {
        fake.shown.push(this.options);
      }
    },
  };
});
const { createDueNotifier, noticesFor } = await import('../../src-main/electron/notifications.ts');

function due(contactName: string, extra: Partial<DueNotice> = {}): DueNotice {
  return { id: `f-${contactName}`, contactId: `c-${contactName}`, contactName, kind: 'thank_you_call', title: 'Thank them for the closing', dueDate: '2026-12-02', dueTime: null, ...extra };
}

describe('due follow-ups as native notifications (stand-in electron module)', () => {
  it('one per follow-up: what to do for whom, with the time when there is one', () => {
    expect(noticesFor({ items: [due('Ada', { dueTime: '14:30' }), due('Grace', { kind: 'gift', title: 'Housewarming gift' })], missedWhileClosed: false })).toEqual([
      { title: 'Thank-you call for Ada', body: 'Thank them for the closing (due at 14:30)', target: { screen: 'contact', id: 'c-Ada' } },
      { title: 'Gift for Grace', body: 'Housewarming gift', target: { screen: 'contact', id: 'c-Grace' } },
    ]);
  });

  it('one summary for a burst, opening Today', () => {
    const items = ['A', 'B', 'C', 'D'].map((name) => due(name));
    expect(noticesFor({ items, missedWhileClosed: false })).toEqual([{ title: '4 follow-ups are due', body: 'Open Today to see them.', target: { screen: 'today' } }]);
  });

  it('the missed-while-closed digest: one notification, opening the contact when there is only one', () => {
    expect(noticesFor({ items: [due('Ada')], missedWhileClosed: true })).toEqual([
      { title: 'While Ambassador was closed, 1 follow-up fell due', body: 'Thank them for the closing, for Ada.', target: { screen: 'contact', id: 'c-Ada' } },
    ]);
    expect(noticesFor({ items: [due('Ada'), due('Grace')], missedWhileClosed: true })).toEqual([
      { title: 'While Ambassador was closed, 2 follow-ups fell due', body: 'Open Today to see them.', target: { screen: 'today' } },
    ]);
  });

  it('shows nothing for an empty announcement, or where the system has no notifications', () => {
    const notify = createDueNotifier(vi.fn());
    fake.shown.length = 0;
    notify({ items: [], missedWhileClosed: true });
    fake.supported = false;
    notify({ items: [due('Ada')], missedWhileClosed: false });
    expect(fake.shown).toEqual([]);
    fake.supported = true;
    notify({ items: [due('Ada')], missedWhileClosed: false });
    expect(fake.shown).toEqual([{ title: 'Thank-you call for Ada', body: 'Thank them for the closing' }]);
  });
});
