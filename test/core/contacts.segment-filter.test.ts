import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ContactListPage } from '../../shared/contacts/contacts.schemas.ts';
import { openFiguresCore, type FiguresCore } from './insights-figures-core.ts';

describe('the contact list filtered by loyalty stage and lifetime-value tier', () => {
  let app: FiguresCore;
  beforeEach(async () => {
    app = await openFiguresCore('2026-12-02');
    const segments: Array<[string, 'top' | 'middle' | 'rest' | null, string | null, string[]]> = [
      ['Ada', 'top', 'ambassador', ['vip']],
      ['Ben', 'top', 'at_risk', []],
      ['Cleo', 'middle', 'ambassador', ['vip']],
      ['Dan', 'rest', 'detractor', []],
      ['Eve', null, 'detractor', []],
      ['Finn', 'top', 'ambassador', []],
    ];
    for (const [firstName, tier, stage, tags] of segments) {
      const contact = await app.customer(firstName, '2026-01-10', { tags });
      app.value(contact.id, { tier, stage });
    }
    await app.customer('Gus', '2026-01-10');
    const finn = (await app.call<ContactListPage>('contacts.list', { tier: 'top' })).items.find((item) => item.displayName === 'Finn')!;
    await app.call('contacts.delete', { id: finn.id });
  });
  afterEach(() => app.close());

  const list = async (query: object) => {
    const page = await app.call<ContactListPage>('contacts.list', query);
    return { names: page.items.map((item) => item.displayName), total: page.total };
  };

  it('lists only the contacts at a stage, with the total counting only them', async () => {
    expect(await list({ stage: 'ambassador' })).toEqual({ names: ['Ada', 'Cleo'], total: 2 });
    expect(await list({ stage: 'detractor' })).toEqual({ names: ['Dan', 'Eve'], total: 2 });
    expect(await list({ stage: 'movable' })).toEqual({ names: [], total: 0 });
  });

  it('lists only the contacts in a tier, with the total counting only them', async () => {
    expect(await list({ tier: 'top' })).toEqual({ names: ['Ada', 'Ben'], total: 2 });
    expect(await list({ tier: 'rest' })).toEqual({ names: ['Dan'], total: 1 });
  });

  it('combines stage, tier and tag, and pages with the filter kept', async () => {
    expect(await list({ stage: 'ambassador', tier: 'top' })).toEqual({ names: ['Ada'], total: 1 });
    expect(await list({ stage: 'ambassador', tag: 'vip', sort: 'updated' })).toEqual({ names: ['Cleo', 'Ada'], total: 2 });
    const first = await app.call<ContactListPage>('contacts.list', { stage: 'detractor', limit: 1 });
    expect(first.items.map((item) => item.displayName)).toEqual(['Dan']);
    const next = await app.call<ContactListPage>('contacts.list', { stage: 'detractor', limit: 1, cursor: first.nextCursor });
    expect({ names: next.items.map((item) => item.displayName), total: next.total, more: next.nextCursor }).toEqual({ names: ['Eve'], total: 2, more: null });
    expect(await list({})).toEqual({ names: ['Ada', 'Ben', 'Cleo', 'Dan', 'Eve', 'Gus'], total: 6 });
  });
});
