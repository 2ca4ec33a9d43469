import { z } from 'zod';
import { FieldProblem } from '../../../shared/api/errors.ts';
import type { Settings, UpdateSettings } from '../../../shared/settings/settings.schemas.ts';
import { apiErrorOf } from '../../api/client.ts';
import { currencyInput, parseCurrency } from './currency-format.ts';

/** Each field of the Insights settings form, keyed by its place in the settings (as the core's errors name it). */
export const settingsFields = [
  { path: 'currency', label: 'Currency', kind: 'code', hint: 'The three-letter code of the money you are paid in: USD, EUR, GBP…' },
  { path: 'adminCostPerCustomerPerYearCents', label: 'Administrative cost per customer per year', kind: 'money', hint: 'Accounts, mailings, software: charged from a customer’s first purchase until the active window after their last.' },
  { path: 'unprofitableBelowCents', label: 'Unprofitable below', kind: 'money', hint: 'A customer whose profit for the period is below this is unprofitable. 0: any loss.' },
  { path: 'clvAnnualDiscountRate', label: 'Yearly discount rate', kind: 'decimal', hint: 'What future money is worth less each year, as a fraction: 0.10 for 10%.' },
  { path: 'clvTiers.topPercent', label: 'Top tier (% of customers)', kind: 'whole', hint: 'The most valuable customers by predicted lifetime value.' },
  { path: 'clvTiers.middlePercent', label: 'Middle tier (% of customers)', kind: 'whole', hint: 'The next ones; the rest are “other”.' },
  { path: 'loyalty.detractorMaxScore', label: 'Detractor: score at most', kind: 'whole', hint: 'Likelihood to recommend, 0–10.' },
  { path: 'loyalty.ambassadorMinScore', label: 'Ambassador: score at least', kind: 'whole', hint: 'Likelihood to recommend, 0–10, if still active.' },
  { path: 'loyalty.complaintDays', label: 'A complaint counts for (days)', kind: 'whole', hint: 'A complaint this recent makes a detractor.' },
  { path: 'loyalty.referralDays', label: 'A referral counts for (days)', kind: 'whole', hint: 'A referral this recent makes an ambassador, if still active.' },
  { path: 'loyalty.newCustomerDays', label: 'New customer for (days)', kind: 'whole', hint: 'New customers are at risk until they buy again.' },
  { path: 'loyalty.slippingBelowPAlive', label: 'Slipping below P(alive)', kind: 'decimal', hint: 'The chance they are still a customer, 0–1.' },
  { path: 'loyalty.slippingRhythmMultiple', label: 'Slipping after (× their usual gap)', kind: 'decimal', hint: 'Days since their last purchase against their own average gap.' },
  { path: 'loyalty.activeDays', label: 'Active if bought within (days)', kind: 'whole', hint: 'Ambassadors must still be active.' },
] as const;

export type SettingsPath = (typeof settingsFields)[number]['path'];
export type SettingsDraft = Record<SettingsPath, string>;
export type SettingsErrors = Partial<Record<SettingsPath, string>>;

function valueAt(settings: Settings, path: Exclude<SettingsPath, 'currency'>): number {
  const [first, second] = path.split('.') as [keyof Settings, string | undefined];
  const top = settings[first];
  return second === undefined ? (top as number) : (top as unknown as Record<string, number>)[second]!;
}

export function draftOf(settings: Settings): SettingsDraft {
  const draft = {} as SettingsDraft;
  for (const field of settingsFields) {
    if (field.path === 'currency') draft.currency = settings.currency;
    else draft[field.path] = field.kind === 'money' ? currencyInput(valueAt(settings, field.path), settings.currency) : String(valueAt(settings, field.path));
  }
  return draft;
}

const whole = (text: string) => (/^-?\d+$/.test(text.trim()) ? Number(text.trim()) : null);
const decimal = (text: string) => (/^-?\d+(\.\d+)?$|^-?\.\d+$/.test(text.trim()) ? Number(text.trim()) : null);

const typeProblem = {
  code: 'Enter a three-letter currency code such as USD or EUR.',
  money: 'Enter an amount such as 24 or 24.50.',
  whole: 'Enter a whole number.',
  decimal: 'Enter a number such as 0.5.',
} as const;
const currencyCode = (text: string) => (/^[A-Za-z]{3}$/.test(text.trim()) ? text.trim().toUpperCase() : null);

/** The change to send, or what the user must fix first (each at its field). */
export function changeOf(draft: SettingsDraft, settings: Settings): { change: UpdateSettings } | { errors: SettingsErrors } {
  const errors: SettingsErrors = {};
  const values = {} as Record<SettingsPath, number>;
  const currency = currencyCode(draft.currency);
  if (currency === null) errors.currency = typeProblem.code;
  for (const field of settingsFields) {
    if (field.kind === 'code') continue;
    const text = draft[field.path];
    const value = field.kind === 'money' ? parseCurrency(text, settings.currency) : field.kind === 'whole' ? whole(text) : decimal(text);
    if (value === null) errors[field.path] = typeProblem[field.kind];
    else values[field.path] = value;
  }
  if (Object.keys(errors).length > 0 || currency === null) return { errors };
  return {
    change: {
      currency,
      adminCostPerCustomerPerYearCents: values.adminCostPerCustomerPerYearCents,
      unprofitableBelowCents: values.unprofitableBelowCents,
      clvAnnualDiscountRate: values.clvAnnualDiscountRate,
      clvTiers: { topPercent: values['clvTiers.topPercent'], middlePercent: values['clvTiers.middlePercent'] },
      loyalty: {
        detractorMaxScore: values['loyalty.detractorMaxScore'],
        ambassadorMinScore: values['loyalty.ambassadorMinScore'],
        complaintDays: values['loyalty.complaintDays'],
        referralDays: values['loyalty.referralDays'],
        newCustomerDays: values['loyalty.newCustomerDays'],
        slippingBelowPAlive: values['loyalty.slippingBelowPAlive'],
        slippingRhythmMultiple: values['loyalty.slippingRhythmMultiple'],
        activeDays: values['loyalty.activeDays'],
      },
    },
  };
}

const ValidationDetails = z.object({ fields: z.array(FieldProblem) });
const knownPaths = new Set<string>(settingsFields.map((field) => field.path));
/** A rule over both tiers together lands on the middle tier, the one to shrink. */
const pathAliases: Record<string, SettingsPath> = { clvTiers: 'clvTiers.middlePercent' };

/** Where the core's refusal goes: each message at its field, the rest as one message for the form. */
export function placeRefusal(thrown: unknown): { errors: SettingsErrors; message: string | null } {
  const error = apiErrorOf(thrown);
  const details = ValidationDetails.safeParse(error.details);
  if (error.code !== 'VALIDATION' || !details.success) return { errors: {}, message: error.message };
  const errors: SettingsErrors = {};
  const unplaced: string[] = [];
  for (const problem of details.data.fields) {
    const path = knownPaths.has(problem.path) ? (problem.path as SettingsPath) : pathAliases[problem.path];
    if (path) errors[path] ??= problem.message;
    else unplaced.push(problem.message);
  }
  return { errors, message: unplaced.length > 0 ? unplaced.join(' ') : Object.keys(errors).length > 0 ? null : error.message };
}
