import { ClvError } from './clv-errors.ts';

/** One purchase: `day` is a whole day number (e.g. days since 1970-01-01), `amount` its value. */
export type Purchase = { customerId: string; day: number; amount: number };

export type TimeUnit = 'day' | 'week';

/** What the models need to know about a customer, in the chosen time unit. */
export type CustomerSummary = {
  customerId: string;
  /** Repeat purchases in the calibration period; purchases on the same day count as one. */
  x: number;
  /** Time of the last calibration purchase since the first (0 when x = 0). */
  tx: number;
  /** Time from the first purchase to the end of the calibration period. */
  T: number;
  /** Mean value of the repeat purchases (0 when x = 0); a day's purchases add up to one value. */
  meanRepeatValue: number;
};

/** Days in one time unit. */
export function daysPerUnit(unit: TimeUnit): number {
  return unit === 'week' ? 7 : 1;
}

/**
 * Builds the recency–frequency–monetary summary of every customer with a
 * purchase on or before `calibrationEndDay` (that day included), in the order
 * each customer first appears in `purchases` (not sorted by date: the input may
 * be in any order). Every purchase given counts, whatever its amount: leaving
 * out refunds is the caller's decision (the CLI leaves out negative amounts
 * and says so).
 */
export function summarizeCustomers(
  purchases: readonly Purchase[],
  options: { calibrationEndDay: number; unit: TimeUnit },
): CustomerSummary[] {
  const { calibrationEndDay, unit } = options;
  if (!Number.isFinite(calibrationEndDay)) throw new ClvError('BAD_INPUT', 'The end of the calibration period is not a day.');
  const valueByDay = new Map<string, Map<number, number>>();
  for (const purchase of purchases) {
    if (!Number.isInteger(purchase.day) || !Number.isFinite(purchase.amount)) {
      throw new ClvError('BAD_INPUT', `A purchase of customer ${purchase.customerId} has no valid day or amount.`);
    }
    if (purchase.day > calibrationEndDay) continue;
    let days = valueByDay.get(purchase.customerId);
    if (!days) {
      days = new Map();
      valueByDay.set(purchase.customerId, days);
    }
    days.set(purchase.day, (days.get(purchase.day) ?? 0) + purchase.amount);
  }

  const length = daysPerUnit(unit);
  const summaries: CustomerSummary[] = [];
  for (const [customerId, days] of valueByDay) {
    const ordered = [...days.keys()].sort((left, right) => left - right);
    const first = ordered[0]!;
    const last = ordered[ordered.length - 1]!;
    let repeatValue = 0;
    for (let index = 1; index < ordered.length; index += 1) repeatValue += days.get(ordered[index]!)!;
    const x = ordered.length - 1;
    summaries.push({
      customerId,
      x,
      tx: (last - first) / length,
      T: (calibrationEndDay - first) / length,
      meanRepeatValue: x > 0 ? repeatValue / x : 0,
    });
  }
  return summaries;
}
