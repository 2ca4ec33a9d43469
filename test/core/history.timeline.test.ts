import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Contact } from '../../shared/contacts/contacts.schemas.ts';
import type { Interaction } from '../../shared/history/history.schemas.ts';
import { openContactsCore, type ContactsCore } from './contacts-core.ts';
import { historyCalls } from './history-core.ts';

describe('history.timeline and history.search', () => {
  let api: ContactsCore;
  let history: ReturnType<typeof historyCalls>;
  let ada: Contact;
  beforeEach(async () => {
    api = await openContactsCore();
    history = historyCalls(api);
    ada = await api.create({ firstName: 'Ada', lastName: 'Lovelace' });
  });
  afterEach(() => api.close());

  it('pages a timeline newest first, ties in time kept in a stable order, with the total, until the last page', async () => {
    const logged: Interaction[] = [];
    for (const day of [3, 1, 2, 2, 5, 4, 2]) {
      logged.push(await history.log({ contactId: ada.id, kind: 'note', occurredAt: `2026-11-0${day}T09:00:00Z`, summary: `day ${day}` }));
    }
    const grace = await api.create({ firstName: 'Grace' });
    await history.log({ contactId: grace.id, kind: 'note', occurredAt: '2026-11-06T09:00:00Z' });
    const expected = [...logged].sort((a, b) => b.occurredAt.localeCompare(a.occurredAt) || b.id.localeCompare(a.id)).map((item) => item.id);

    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await history.timeline(ada.id, { limit: 3, ...(cursor ? { cursor } : {}) });
      expect(page.total).toBe(7);
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor ?? undefined;
      pages += 1;
    } while (cursor);
    expect(seen).toEqual(expected);
    expect(pages).toBe(3);
    const bad = await history.refusal('history.timeline', { contactId: ada.id, cursor: 'not-a-cursor' });
    expect(bad).toMatchObject({ code: 'VALIDATION', paths: ['cursor'] });
  });

  it('finds words in summaries, outcomes and reasons, says where they matched, and shows the words around them', async () => {
    const grace = await api.create({ firstName: 'Grace', lastName: 'Hopper' });
    const rates = await history.log({ contactId: ada.id, kind: 'call', occurredAt: '2026-11-01T09:00:00Z', reasons: ['asked about rates'] });
    const summary = await history.log({
      contactId: grace.id,
      kind: 'email',
      occurredAt: '2026-11-02T09:00:00Z',
      summary: `${'Long introduction about the weather and the garden. '.repeat(3)}Then she mentioned the Café Müller refinancing plan in passing.`,
    });
    const outcome = await history.log({ contactId: ada.id, kind: 'meeting', occurredAt: '2026-11-03T09:00:00Z', outcome: 'Signed the listing agreement' });

    const [byReason] = await history.search('rates');
    expect(byReason).toMatchObject({ interaction: { id: rates.id }, contactName: 'Ada Lovelace', matchedIn: 'reasons', snippet: 'asked about rates' });
    const [bySummary] = await history.search('cafe muller');
    expect(bySummary).toMatchObject({ interaction: { id: summary.id }, contactName: 'Grace Hopper', matchedIn: 'summary' });
    expect(bySummary!.snippet).toContain('Café Müller refinancing');
    expect(bySummary!.snippet.startsWith('…')).toBe(true);
    expect(bySummary!.snippet.length).toBeLessThan(120);
    expect((await history.search('listing agreement')).map((hit) => [hit.interaction.id, hit.matchedIn])).toEqual([[outcome.id, 'outcome']]);
    // Short words go around the trigram index; search operators are plain text.
    expect((await history.search('pl')).map((hit) => hit.interaction.id)).toEqual([summary.id]);
    expect(await history.search('rates "')).toHaveLength(1);
    expect(await history.search('rates OR')).toEqual([]);
    expect(await history.search('NEAR(rates')).toEqual([]);
    expect(await history.search('*')).toEqual([]);
  });
});
