import { Settings, type UpdateSettings } from '../../../shared/settings/settings.schemas.ts';
import type { CoreContext } from '../context.ts';
import type { Db } from '../db/handle.ts';
import { mutate } from '../db/mutation.ts';
import { findStoredSettings, storeSettings } from './settings.repository.ts';

/** What a new business starts with; the user changes them in Settings. */
export const defaultSettings: Settings = {
  currency: 'USD',
  hourlyCostCents: 3000,
  minutesByKind: {
    call: 10,
    email: 5,
    meeting: 45,
    visit: 60,
    handwritten_note: 10,
    gift: 15,
    text_message: 2,
    note: 2,
    complaint: 20,
    referral: 5,
    inquiry: 10,
    self_service: 0,
  },
  hours: { morning: 9, afternoon: 14, evening: 18 },
  automaticTouchesPer30Days: 3,
  adminCostPerCustomerPerYearCents: 2400,
  unprofitableBelowCents: 0,
  clvAnnualDiscountRate: 0.1,
  clvTiers: { topPercent: 20, middlePercent: 30 },
  loyalty: {
    detractorMaxScore: 6,
    ambassadorMinScore: 9,
    complaintDays: 90,
    referralDays: 365,
    newCustomerDays: 90,
    slippingBelowPAlive: 0.5,
    slippingRhythmMultiple: 2,
    activeDays: 365,
  },
};

type Key = keyof Settings;
const keys = Object.keys(defaultSettings) as Key[];

/**
 * The settings as they are now: each stored value over its default. A stored
 * value this version cannot read (written by hand, or by a later version) falls
 * back to the default rather than stopping the app.
 */
export async function readSettings(db: Db): Promise<Settings> {
  const stored = new Map((await findStoredSettings(db)).map((entry) => [entry.key, entry.value]));
  const settings: Record<string, unknown> = { ...defaultSettings };
  for (const key of keys) {
    const value = stored.get(key);
    if (value === undefined) continue;
    const candidate = { ...defaultSettings, [key]: parseJson(value) };
    const parsed = Settings.safeParse(candidate);
    if (parsed.success) settings[key] = parsed.data[key];
  }
  // Kinds added after the user saved their minutes take their defaults.
  settings['minutesByKind'] = { ...defaultSettings.minutesByKind, ...(settings['minutesByKind'] as Settings['minutesByKind']) };
  return settings as Settings;
}

function parseJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return undefined;
  }
}

export async function getSettings(ctx: CoreContext): Promise<Settings> {
  return readSettings(ctx.db);
}

export async function updateSettings(ctx: CoreContext, input: UpdateSettings): Promise<Settings> {
  return mutate(ctx, {
    run: async (tx) => {
      const current = await readSettings(tx);
      const changes = keys.filter((key) => input[key] !== undefined);
      const next = { ...current, ...input, minutesByKind: { ...current.minutesByKind, ...input.minutesByKind } };
      await storeSettings(tx, changes.map((key) => ({ key, value: JSON.stringify(next[key]) })));
      return next;
    },
    changed: (settings) => ({ name: 'settings.changed', payload: settings }),
  });
}
