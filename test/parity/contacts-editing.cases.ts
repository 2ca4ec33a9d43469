import { expect } from 'vitest';
import type { Contact, ContactListPage, TrashPage } from '../../shared/contacts/contacts.schemas.ts';
import { create, fieldPaths, fieldsOf, idOf, ids, search } from './checks.ts';
import type { ParityCase } from './parity-case.ts';

export const ada = {
  firstName: 'Ada',
  lastName: 'Lovelace',
  company: 'Analytical Engines',
  emails: [{ label: 'work', value: 'ada@analytical.example' }],
  phones: [{ label: 'mobile', value: '+44 (20) 7946-0958' }],
  tags: ['vip', 'mathematics'],
  notes: 'Prefers letters on cream paper.',
  birthday: '--12-10',
};

const uuidV7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** Creating, reading, changing, trashing and linking contacts. */
export const editingCases: ParityCase[] = [
  {
    name: 'creates a contact and reads it back with everything the user typed',
    steps: [
      create(ada, 'ada', (created: Contact) => {
        expect(created.id).toMatch(uuidV7);
        expect(created.displayName).toBe('Ada Lovelace');
        expect(created.emails).toEqual([{ label: 'work', value: 'ada@analytical.example', primary: true }]);
        expect(created.tags).toEqual(['vip', 'mathematics']);
        expect(created.birthday).toBe('--12-10');
        expect(created.deletedAt).toBeNull();
      }),
      { call: 'contacts.get', input: idOf('ada'), answer: (kept) => ({ ok: true, value: kept.ada }) },
    ],
  },
  {
    name: 'refuses invalid input with the field and a message in the user’s words',
    steps: [
      {
        call: 'contacts.create',
        input: { firstName: '', lastName: '', emails: [{ value: 'not-an-email' }], birthday: '1990-02-30' },
        refusal: (error) => {
          fieldPaths('birthday', 'emails.0.value', 'firstName')(error);
          expect(fieldsOf(error).find((field) => field.path === 'emails.0.value')?.message).toMatch(/email address/i);
          expect(error.message).toMatch(/First name/);
        },
      },
    ],
  },
  {
    name: 'updates a contact and refuses an update based on a stale version',
    steps: [
      create(ada, 'ada'),
      {
        call: 'contacts.update',
        input: (kept) => ({ id: kept.ada.id, expectedUpdatedAt: kept.ada.updatedAt, fields: { ...ada, lastName: 'King', phones: [] } }),
        check: (updated: Contact, kept) => {
          expect(updated.displayName).toBe('Ada King');
          expect(updated.phones).toEqual([]);
          expect(updated.updatedAt > kept.ada.updatedAt).toBe(true);
        },
      },
      {
        call: 'contacts.update',
        input: (kept) => ({ id: kept.ada.id, expectedUpdatedAt: kept.ada.updatedAt, fields: ada }),
        answerLike: { ok: false, error: { code: 'CONFLICT' } },
      },
      { call: 'contacts.get', input: idOf('ada'), check: (current: Contact) => expect(current.lastName).toBe('King') },
    ],
  },
  {
    name: 'reports field paths of an update as the form knows them',
    steps: [
      create(ada, 'ada'),
      {
        call: 'contacts.update',
        input: (kept) => ({ id: kept.ada.id, expectedUpdatedAt: kept.ada.updatedAt, fields: { ...ada, phones: [{ value: 'call me' }] } }),
        refusal: (error) => {
          const paths = fieldsOf(error).map((field) => field.path);
          expect(new Set(paths)).toEqual(new Set(['phones.0.value']));
        },
      },
    ],
  },
  {
    name: 'says NOT_FOUND for a contact that does not exist',
    steps: [{ call: 'contacts.get', input: { id: '01890a5d-ac96-774b-bcce-b302099a8057' }, answerLike: { ok: false, error: { code: 'NOT_FOUND' } } }],
  },
  {
    name: 'moves a contact to the Trash and restores it, and search follows',
    steps: [
      create(ada, 'ada'),
      { call: 'contacts.delete', input: idOf('ada'), keep: 'deleted', check: (deleted: Contact) => expect(deleted.deletedAt).not.toBeNull() },
      search('Lovelace', (hits) => expect(hits).toEqual([])),
      { call: 'contacts.list', check: (page: ContactListPage) => expect(page.total).toBe(0) },
      {
        call: 'contacts.trash',
        check: (trash: TrashPage, kept) => {
          expect(trash.items.map((item) => item.id)).toEqual([kept.ada.id]);
          expect(trash.total).toBe(1);
        },
      },
      {
        call: 'contacts.update',
        input: (kept) => ({ id: kept.ada.id, expectedUpdatedAt: kept.deleted.updatedAt, fields: ada }),
        answerLike: { ok: false, error: { code: 'CONFLICT', message: 'This contact is in the Trash. Restore it before editing.' } },
      },
      { call: 'tags.list', answer: { ok: true, value: [] } },
      {
        call: 'contacts.restore',
        input: idOf('ada'),
        check: (restored: Contact, kept) => {
          expect(restored.deletedAt).toBeNull();
          expect(restored.emails).toEqual(kept.ada.emails);
        },
      },
      search('Lovelace', ids('ada')),
      { call: 'contacts.trash', answer: { ok: true, value: { items: [], total: 0 } } },
    ],
  },
  {
    name: 'counts tags across contacts, case-insensitively',
    steps: [
      create({ firstName: 'A', tags: ['VIP', 'buyer'] }),
      create({ firstName: 'B', tags: ['vip'] }),
      {
        call: 'tags.list',
        answer: {
          ok: true,
          value: [
            { name: 'buyer', count: 1 },
            { name: 'VIP', count: 2 },
          ],
        },
      },
    ],
  },
  {
    name: 'links a person to a company contact and refuses a person as the company',
    steps: [
      create({ kind: 'company', company: 'Harbor Lane Realty' }, 'company'),
      {
        call: 'contacts.create',
        input: (kept) => ({ firstName: 'Sam', companyId: kept.company.id }),
        keep: 'person',
        check: (person: Contact) => expect(person.company).toBe('Harbor Lane Realty'),
      },
      {
        call: 'contacts.create',
        input: (kept) => ({ firstName: 'Kim', companyId: kept.person.id }),
        answerLike: { ok: false, error: { code: 'VALIDATION', details: { fields: [{ path: 'companyId' }] } } },
      },
      { call: 'contacts.delete', input: idOf('company') },
      {
        call: 'contacts.update',
        input: (kept) => ({ id: kept.person.id, expectedUpdatedAt: kept.person.updatedAt, fields: { firstName: 'Samuel', companyId: kept.company.id } }),
        answerLike: (kept) => ({ ok: true, value: { firstName: 'Samuel', companyId: kept.company.id } }),
      },
      {
        call: 'contacts.create',
        input: (kept) => ({ firstName: 'Kim', companyId: kept.company.id }),
        answerLike: { ok: false, error: { code: 'VALIDATION' } },
      },
    ],
  },
  {
    name: 'loads about fifty realistic sample contacts',
    steps: [
      { call: 'contacts.seedSample', answer: { ok: true, value: { created: 50 } } },
      {
        call: 'contacts.list',
        input: { limit: 100 },
        check: (page: ContactListPage) => {
          expect(page.total).toBe(50);
          expect(page.items.every((item) => item.displayName.length > 0 && item.primaryEmail?.includes('@'))).toBe(true);
        },
      },
    ],
  },
  {
    name: 'tells listeners what changed',
    steps: [
      create(ada, 'ada'),
      { call: 'contacts.delete', input: idOf('ada') },
      {
        events: (kept) => [
          { name: 'contacts.changed', payload: { ids: [kept.ada.id], reason: 'created' } },
          { name: 'contacts.changed', payload: { ids: [kept.ada.id], reason: 'deleted' } },
        ],
      },
    ],
  },
  {
    name: 'answers an unknown method with NOT_FOUND',
    steps: [{ call: 'contacts.explode', answerLike: { ok: false, error: { code: 'NOT_FOUND' } } }],
  },
];
