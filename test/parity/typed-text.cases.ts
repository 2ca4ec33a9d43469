import { expect } from 'vitest';
import type { ContactListPage } from '../../shared/contacts/contacts.schemas.ts';
import { create, fieldPaths, fieldsOf, ids, search } from './checks.ts';
import type { ParityCase } from './parity-case.ts';

// What the user typed is stored exactly, or refused: never silently changed.
// A lone surrogate (half of an emoji, e.g. from a cut-off paste) would be
// stored by SQLite as U+FFFD.

const loneHigh = '\ud800';
const loneLow = '\udc00';
const broken = /broken character \(an unpaired surrogate\); retype it/;

const typed = { firstName: 'Zoë 👩🏽‍🔬', lastName: '𝔊𝔬𝔡𝔢𝔩 ﬁ', notes: 'Tea, not coffee ☕ — 汉字 𠜎 — ‮reversed‬' };

export const typedTextCases: ParityCase[] = [
  {
    name: 'refuses a name with a lone surrogate, names the field, and stores nothing',
    steps: [
      {
        call: 'contacts.create',
        input: { firstName: `Ada${loneHigh}`, lastName: 'Lovelace' },
        refusal: (error) => {
          expect(fieldsOf(error)).toEqual([{ path: 'firstName', message: expect.stringMatching(broken) }]);
          expect(error.message).toMatch(/^Please check: First name: This text contains a broken character/);
        },
      },
      { call: 'contacts.list', check: (page: ContactListPage) => expect(page.total).toBe(0) },
    ],
  },
  {
    name: 'reports every broken field by its path, in lists and in an update’s fields too',
    steps: [
      create({ firstName: 'Ada' }, 'ada'),
      {
        call: 'contacts.update',
        input: (kept) => ({
          id: kept.ada.id,
          expectedUpdatedAt: kept.ada.updatedAt,
          fields: { firstName: 'Ada', notes: `${loneLow} met at the fair`, emails: [{ label: `home${loneHigh}`, value: 'ada@example.org' }] },
        }),
        refusal: fieldPaths('emails.0.label', 'notes'),
      },
      // A search is never stored: the broken half is ignored and the rest is searched for.
      search(`Ad${loneHigh}a`, ids('ada')),
      { call: 'contacts.get', input: (kept) => ({ id: kept.ada.id }), answerLike: { ok: true, value: { notes: '', emails: [] } } },
    ],
  },
  {
    name: 'keeps well-formed text exactly, emoji and other characters beyond the basic plane included',
    steps: [
      create(typed, 'zoe'),
      { call: 'contacts.get', input: (kept) => ({ id: kept.zoe.id }), answerLike: { ok: true, value: typed } },
    ],
  },
];
