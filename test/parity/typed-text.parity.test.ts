import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Contact, ContactListPage, ContactSummary } from '../../shared/contacts/contacts.schemas.ts';
import type { DispatchResult } from '../../shared/api/result.ts';
import { transports, type Transport } from '../helpers/transports.ts';

// What the user typed is stored exactly, or refused: never silently changed.
// A lone surrogate (half of an emoji, e.g. from a cut-off paste) would be
// stored by SQLite as U+FFFD.

const loneHigh = '\ud800';
const loneLow = '\udc00';
const broken = /broken character \(an unpaired surrogate\); retype it/;

function fieldsOf(result: DispatchResult): Array<{ path: string; message: string }> {
  if (result.ok) throw new Error(`expected a refusal, got ${JSON.stringify(result.value)}`);
  expect(result.error.code).toBe('VALIDATION');
  return (result.error.details as { fields: Array<{ path: string; message: string }> }).fields;
}

describe.each(transports)('text the user typed, through the %s transport', (_name, open) => {
  let api: Transport;
  beforeEach(async () => {
    api = await open();
  });
  afterEach(async () => {
    await api.close();
  });

  it('refuses a name with a lone surrogate, names the field, and stores nothing', async () => {
    const result = await api.call('contacts.create', { firstName: `Ada${loneHigh}`, lastName: 'Lovelace' });
    expect(fieldsOf(result)).toEqual([{ path: 'firstName', message: expect.stringMatching(broken) }]);
    expect(!result.ok && result.error.message).toMatch(/^Please check: First name: This text contains a broken character/);
    const page = await api.call('contacts.list', {});
    expect(page.ok && (page.value as ContactListPage).total).toBe(0);
  });

  it('reports every broken field by its path, in lists and in an update’s fields too', async () => {
    const created = await api.call('contacts.create', { firstName: 'Ada' });
    if (!created.ok) throw new Error(created.error.message);
    const ada = created.value as Contact;
    const update = await api.call('contacts.update', {
      id: ada.id,
      expectedUpdatedAt: ada.updatedAt,
      fields: { firstName: 'Ada', notes: `${loneLow} met at the fair`, emails: [{ label: `home${loneHigh}`, value: 'ada@example.org' }] },
    });
    expect(fieldsOf(update).map((field) => field.path).sort()).toEqual(['emails.0.label', 'notes']);
    // A search is never stored: the broken half is ignored and the rest is searched for.
    const search = await api.call('contacts.search', { query: `Ad${loneHigh}a` });
    expect(search.ok && (search.value as ContactSummary[]).map((hit) => hit.id)).toEqual([ada.id]);
    const current = await api.call('contacts.get', { id: ada.id });
    expect(current).toMatchObject({ ok: true, value: { notes: '', emails: [] } });
  });

  it('keeps well-formed text exactly, emoji and other characters beyond the basic plane included', async () => {
    const typed = { firstName: 'Zoë 👩🏽‍🔬', lastName: '𝔊𝔬𝔡𝔢𝔩 ﬁ', notes: 'Tea, not coffee ☕ — 汉字 𠜎 — ‮reversed‬' };
    const created = await api.call('contacts.create', typed);
    if (!created.ok) throw new Error(created.error.message);
    const fetched = await api.call('contacts.get', { id: (created.value as Contact).id });
    expect(fetched).toMatchObject({ ok: true, value: typed });
  });
});
