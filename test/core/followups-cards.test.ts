import { afterEach, describe, expect, it } from 'vitest';
import type { NoteCard } from '../../shared/followups/followups.schemas.ts';
import { envelopeLines } from '../../src-main/core/followups/followups.cards.ts';
import { at, handClock, openFollowupsCore, type FollowupsCore } from './followups-core.ts';

const address = { street: '', city: '', region: '', postalCode: '', country: '' };

describe('note cards', () => {
  let app: FollowupsCore | undefined;
  afterEach(async () => {
    await app?.remove();
    app = undefined;
  });

  it('prints every open note and card due today or overdue, the oldest first, and nothing else', async () => {
    app = await openFollowupsCore(handClock(at('2026-12-02', '23:30')));
    const ada = await app.contact('Ada', { lastName: 'Lovelace' });
    const tom = await app.contact('Tom');
    const note = (title: string, more: object = {}) => app!.followup(ada.id, { kind: 'handwritten_note', title, ...more });
    await note('Today’s card', { kind: 'card', dueDate: '2026-12-02', dueTime: '23:45' });
    await note('Overdue note', { dueDate: '2026-11-20' });
    await note('Today’s note', { dueDate: '2026-12-02' });
    await note('Tomorrow’s note', { dueDate: '2026-12-03' });
    await app.followup(ada.id, { kind: 'call', title: 'A call, not a card', dueDate: '2026-12-01' });
    const done = await note('Written already', { dueDate: '2026-12-01' });
    await app.call('followups.complete', { id: done.id });
    const skipped = await note('Skipped', { dueDate: '2026-12-01' });
    await app.call('followups.skip', { id: skipped.id });
    const deleted = await note('Deleted', { dueDate: '2026-12-01' });
    await app.call('followups.delete', { id: deleted.id });
    await app.followup(tom.id, { kind: 'card', title: 'Tom is in the Trash', dueDate: '2026-12-01' });
    await app.call('contacts.delete', { id: tom.id });

    const cards = await app.call<NoteCard[]>('followups.cards', { due: true });
    expect(cards.map((card) => card.title)).toEqual(['Overdue note', 'Today’s note', 'Today’s card']);
    expect(cards.every((card) => card.contactName === 'Ada Lovelace' && card.contactId === ada.id)).toBe(true);
  });

  it('gives the chosen follow-ups in the order asked, with the prompt (the title when empty) and the envelope', async () => {
    app = await openFollowupsCore();
    const ada = await app.contact('Ada', {
      lastName: 'Lovelace',
      address: { street: '12 St James’s Square\nFlat 3', city: 'London', region: '', postalCode: 'SW1Y 4JH', country: 'United Kingdom' },
    });
    const grace = await app.contact('Grace', { lastName: 'Hopper' });
    const thanks = await app.followup(ada.id, { kind: 'handwritten_note', title: 'Thank-you note', prompt: 'Dear Ada, thank you for the visit.' });
    const plain = await app.followup(grace.id, { kind: 'card', title: 'Send Grace a card' });

    const cards = await app.call<NoteCard[]>('followups.cards', { ids: [plain.id, thanks.id] });
    expect(cards).toEqual([
      { followupId: plain.id, contactId: grace.id, contactName: 'Grace Hopper', kind: 'card', title: 'Send Grace a card', prompt: 'Send Grace a card', dueDate: '2026-12-05', envelope: null },
      {
        followupId: thanks.id,
        contactId: ada.id,
        contactName: 'Ada Lovelace',
        kind: 'handwritten_note',
        title: 'Thank-you note',
        prompt: 'Dear Ada, thank you for the visit.',
        dueDate: '2026-12-05',
        envelope: ['Ada Lovelace', '12 St James’s Square', 'Flat 3', 'London, SW1Y 4JH', 'United Kingdom'],
      },
    ]);
  });

  it('refuses an unknown follow-up with NOT_FOUND naming it', async () => {
    app = await openFollowupsCore();
    const ada = await app.contact('Ada');
    const known = await app.followup(ada.id, { kind: 'card' });
    const unknown = '00000000-0000-4000-8000-000000000000';
    const result = await app.core.dispatch('followups.cards', { ids: [known.id, unknown] });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('NOT_FOUND');
    expect(result.error.message).toContain(unknown);
  });
});

describe('the envelope', () => {
  it('writes "City, Region Postal code" with whichever parts are there, and null without an address', () => {
    expect(envelopeLines('Grace Hopper', { street: '1 Main St', city: 'Arlington', region: 'VA', postalCode: '22201', country: 'USA' })).toEqual([
      'Grace Hopper',
      '1 Main St',
      'Arlington, VA 22201',
      'USA',
    ]);
    expect(envelopeLines('Ada', { ...address, street: '  \r\n5 Rue Royale\r\n', postalCode: '75008' })).toEqual(['Ada', '5 Rue Royale', '75008']);
    expect(envelopeLines('Ada', { ...address, region: 'Bavaria' })).toEqual(['Ada', 'Bavaria']);
    expect(envelopeLines('Ada', address)).toBeNull();
    expect(envelopeLines('Ada', null)).toBeNull();
  });
});
