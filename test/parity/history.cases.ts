import { expect } from 'vitest';
import type { HistoryHit, Interaction, TimelinePage } from '../../shared/history/history.schemas.ts';
import type { Settings } from '../../shared/settings/settings.schemas.ts';
import { create, fieldPaths } from './checks.ts';
import type { CallStep, Kept, ParityCase } from './parity-case.ts';

// History and settings, told as data: the same stories through every transport.

const log = (input: object, keep?: string): CallStep => ({
  call: 'history.log',
  input: (kept: Kept) => ({ contactId: kept.ada.id, ...input }),
  keep,
});
const timelineIds =
  (...names: string[]) =>
  (page: TimelinePage, kept: Kept): void =>
    expect(page.items.map((item) => item.id)).toEqual(names.map((name) => kept[name].id));
const timeline = (check: CallStep['check'], label: string): CallStep => ({
  call: 'history.timeline',
  input: (kept: Kept) => ({ contactId: kept.ada.id }),
  check,
  label,
});

export const historyCases: ParityCase[] = [
  {
    name: 'logs a call with a reason, shows it in the timeline and the contact’s last interaction, and finds it by the reason',
    steps: [
      create({ firstName: 'Ada', lastName: 'Lovelace', preferredChannel: 'phone' }, 'ada'),
      log({ kind: 'call', occurredAt: '2026-11-30T10:00:00Z', summary: 'Talked about the loan.', reasons: ['asked about rates'] }, 'call'),
      log({ kind: 'email', occurredAt: '2026-11-01T10:00:00Z', direction: 'inbound', channel: 'email' }, 'email'),
      {
        call: 'history.get',
        input: (kept) => ({ id: kept.call.id }),
        check: (call: Interaction, kept) =>
          expect(call).toMatchObject({ contactId: kept.ada.id, channel: 'phone', direction: 'outbound', minutes: 10, costToServeCents: 500 }),
      },
      timeline(timelineIds('call', 'email'), 'newest first'),
      {
        call: 'history.timeline',
        input: (kept) => ({ contactId: kept.ada.id, limit: 1 }),
        check: (page: TimelinePage) => expect(page).toMatchObject({ total: 2, nextCursor: expect.any(String) }),
        keep: 'first',
      },
      {
        call: 'history.timeline',
        input: (kept) => ({ contactId: kept.ada.id, limit: 1, cursor: kept.first.nextCursor }),
        check: (page: TimelinePage, kept) => expect(page).toEqual({ items: [kept.email], nextCursor: null, total: 2 }),
      },
      { call: 'contacts.get', input: (kept) => ({ id: kept.ada.id }), answerLike: { ok: true, value: { lastInteractionAt: '2026-11-30T10:00:00.000Z' } } },
      {
        call: 'history.search',
        input: { query: 'rates' },
        check: (hits: HistoryHit[], kept) =>
          expect(hits).toEqual([{ interaction: kept.call, contactName: 'Ada Lovelace', matchedIn: 'reasons', snippet: 'asked about rates' }]),
      },
    ],
  },
  {
    name: 'edits, deletes and restores an interaction, and hides history while its contact is in the Trash',
    steps: [
      create({ firstName: 'Ada' }, 'ada'),
      log({ kind: 'visit', occurredAt: '2026-11-20T10:00:00Z', summary: 'Valuation visit' }, 'visit'),
      {
        call: 'history.update',
        input: (kept) => ({ id: kept.visit.id, expectedUpdatedAt: kept.visit.updatedAt, fields: { kind: 'visit', occurredAt: '2026-11-21T10:00:00Z', summary: 'Second visit' } }),
        answerLike: { ok: true, value: { summary: 'Second visit', occurredAt: '2026-11-21T10:00:00.000Z' } },
      },
      { call: 'history.delete', input: (kept) => ({ id: kept.visit.id }), answerLike: { ok: true, value: { deletedAt: expect.any(String) } } },
      timeline(timelineIds(), 'after delete'),
      { call: 'history.restore', input: (kept) => ({ id: kept.visit.id }), answerLike: { ok: true, value: { deletedAt: null } } },
      timeline(timelineIds('visit'), 'after restore'),
      { call: 'contacts.delete', input: (kept) => ({ id: kept.ada.id }) },
      timeline(timelineIds(), 'contact in the Trash'),
      { call: 'history.search', input: { query: 'second visit' }, answer: { ok: true, value: [] } },
      { ...log({ kind: 'call', occurredAt: '2026-11-22T10:00:00Z' }), refusal: fieldPaths('contactId') },
      { call: 'contacts.restore', input: (kept) => ({ id: kept.ada.id }) },
      timeline(timelineIds('visit'), 'contact restored'),
    ],
  },
  {
    name: 'refuses bad input, naming the field in the user’s words',
    steps: [
      create({ firstName: 'Ada' }, 'ada'),
      { ...log({ kind: 'call', occurredAt: '2099-01-01T10:00:00Z' }), refusal: (error) => expect(error.message).toMatch(/^Date: .*follow-up/) },
      { ...log({ kind: 'call', occurredAt: '2026-11-20T10:00:00Z', summary: 'x'.repeat(1024 * 1024) }), refusal: fieldPaths('summary') },
      { ...log({ kind: 'gift', occurredAt: '2026-11-20T10:00:00Z', costCents: -500 }), refusal: fieldPaths('costCents') },
      {
        ...log({ kind: 'referral', occurredAt: '2026-11-20T10:00:00Z' }),
        input: (kept) => ({ contactId: kept.ada.id, kind: 'referral', occurredAt: '2026-11-20T10:00:00Z', referredById: kept.ada.id }),
        refusal: fieldPaths('referredById'),
      },
      timeline((page: TimelinePage) => expect(page.total).toBe(0), 'nothing written'),
    ],
  },
  {
    name: 'reads and changes the settings, and tells listeners',
    steps: [
      { call: 'settings.get', check: (settings: Settings) => expect(settings).toMatchObject({ currency: 'USD', hourlyCostCents: 3000 }) },
      { call: 'settings.update', input: { hourlyCostCents: 4200, minutesByKind: { gift: 20 } }, keep: 'updated' },
      { call: 'settings.get', check: (settings: Settings, kept) => expect(settings).toEqual(kept.updated) },
      { events: (kept) => [{ name: 'settings.changed', payload: kept.updated }] },
      { call: 'settings.update', input: { currency: 'usd' }, refusal: fieldPaths('currency') },
    ],
  },
];
