import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CoreEvent } from '../../shared/api/events.ts';
import type { Settings } from '../../shared/settings/settings.schemas.ts';
import { createCore } from '../../src-main/core/core.ts';
import { closeDatabase, openDatabase } from '../../src-main/core/db/database.ts';
import { migrateToLatest } from '../../src-main/core/db/migrate.ts';
import { makeTempDataDir } from '../helpers/temp-data-dir.ts';
import { openContactsCore, type ContactsCore } from './contacts-core.ts';

describe('settings', () => {
  let api: ContactsCore;
  beforeEach(async () => {
    api = await openContactsCore();
  });
  afterEach(() => api.close());

  const settings = async () => api.value<Settings>(await api.call('settings.get', {}));

  it('starts with the defaults', async () => {
    expect(await settings()).toEqual({
      currency: 'USD',
      hourlyCostCents: 3000,
      minutesByKind: {
        call: 10, email: 5, meeting: 45, visit: 60, handwritten_note: 10, gift: 15,
        text_message: 2, note: 2, complaint: 20, referral: 5, inquiry: 10, self_service: 0,
      },
      hours: { morning: 9, afternoon: 14, evening: 18 },
      automaticTouchesPer30Days: 3,
      adminCostPerCustomerPerYearCents: 2400,
      unprofitableBelowCents: 0,
      clvAnnualDiscountRate: 0.1,
      clvTiers: { topPercent: 20, middlePercent: 30 },
      loyalty: {
        detractorMaxScore: 6, ambassadorMinScore: 9, complaintDays: 90, referralDays: 365,
        newCustomerDays: 90, slippingBelowPAlive: 0.5, slippingRhythmMultiple: 2, activeDays: 365,
      },
    });
  });

  it('changes only what is given, minutes for some kinds only, tells every window, and the next interaction uses them', async () => {
    const events: CoreEvent[] = [];
    api.core.onEvent((event) => events.push(event));
    const updated = api.value<Settings>(await api.call('settings.update', { currency: 'EUR', minutesByKind: { call: 15 } }));
    expect(updated).toMatchObject({ currency: 'EUR', hourlyCostCents: 3000, minutesByKind: { call: 15, email: 5 } });
    expect(await settings()).toEqual(updated);
    expect(events).toEqual([{ name: 'settings.changed', payload: updated }]);
    const ada = await api.create({ firstName: 'Ada' });
    const call = api.value<{ minutes: number }>(await api.call('history.log', { contactId: ada.id, kind: 'call', occurredAt: '2026-11-20T10:00:00Z' }));
    expect(call.minutes).toBe(15);
  });

  it('refuses bad values, naming the setting, and keeps the old ones', async () => {
    for (const [input, path, label] of [
      [{ currency: 'dollars' }, 'currency', 'Currency'],
      [{ hourlyCostCents: -100 }, 'hourlyCostCents', 'Hourly cost'],
      [{ minutesByKind: { call: -1 } }, 'minutesByKind.call', 'Minutes per kind'],
      [{ hours: { morning: 25, afternoon: 14, evening: 18 } }, 'hours.morning', 'Times of day'],
      [{ automaticTouchesPer30Days: 51 }, 'automaticTouchesPer30Days', 'Automatic touches per 30 days'],
      [{ automaticTouchesPer30Days: 1.5 }, 'automaticTouchesPer30Days', 'Automatic touches per 30 days'],
    ] as const) {
      const result = await api.call('settings.update', input);
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      expect(result.error.code).toBe('VALIDATION');
      expect(result.error.message).toContain(label);
      expect((result.error.details as { fields: Array<{ path: string }> }).fields.map((field) => field.path)).toEqual([path]);
    }
    expect((await settings()).currency).toBe('USD');
  });

  it('keeps the settings across a restart', async () => {
    const data = makeTempDataDir();
    try {
      const first = await createCore({ dataDir: data.dir, checkOutputs: true });
      await first.dispatch('settings.update', { hourlyCostCents: 4500 });
      await first.close();
      const second = await createCore({ dataDir: data.dir, checkOutputs: true });
      const result = await second.dispatch('settings.get', {});
      await second.close();
      expect(result.ok && (result.value as Settings).hourlyCostCents).toBe(4500);
    } finally {
      data.remove();
    }
  });

  it('falls back to the default for a stored value it cannot read, instead of refusing to start', async () => {
    const data = makeTempDataDir();
    try {
      const opened = openDatabase(data.dir);
      await migrateToLatest(opened.db);
      await sql`insert into settings (key, value) values ('hourlyCostCents', '"lots"'), ('currency', 'not json'), ('hours', '{"morning":8,"afternoon":13,"evening":19}')`.execute(opened.db);
      await closeDatabase(opened);
      const core = await createCore({ dataDir: data.dir, checkOutputs: true });
      const result = await core.dispatch('settings.get', {});
      await core.close();
      expect(result.ok && result.value).toMatchObject({ currency: 'USD', hourlyCostCents: 3000, hours: { morning: 8, afternoon: 13, evening: 19 } });
    } finally {
      data.remove();
    }
  });
});
