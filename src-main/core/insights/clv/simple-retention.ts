import { ClvError } from './clv-errors.ts';
import type { Purchase } from './customer-summary.ts';

/** Below this many customers with a repeat purchase, a model fit is too unstable to trust. */
export const MIN_REPEAT_CUSTOMERS_FOR_FIT = 30;

/** Why the data are too thin for BG/NBD or Pareto/NBD, or undefined when a fit is reasonable. */
export function thinDataReason(histories: readonly { x: number }[]): string | undefined {
  let repeatCustomers = 0;
  for (const history of histories) if (history.x > 0) repeatCustomers += 1;
  if (repeatCustomers >= MIN_REPEAT_CUSTOMERS_FOR_FIT) return undefined;
  return (
    `only ${repeatCustomers} customer${repeatCustomers === 1 ? '' : 's'} bought more than once ` +
    `(a stable model fit needs at least ${MIN_REPEAT_CUSTOMERS_FOR_FIT})`
  );
}

export type SimpleRetention = {
  model: 'simple';
  reason: string;
  /** Share of customers active in one period who buy again in the next one. */
  retentionRate: number;
  /** Each customer's mean spend per period in which they bought. */
  spendPerActivePeriod: Map<string, number>;
  /** Each customer's mean spend per purchase (a day's purchases count as one, as in the summaries). */
  spendPerPurchase: Map<string, number>;
  periodDays: number;
};

/**
 * Measures retention from the purchases themselves: the calibration period is
 * cut into periods of `periodDays` counted back from its end, and r is the share
 * of customers active in one period who are active again in the next, pooled
 * over all consecutive pairs. Throws NO_REPEAT_PURCHASES when no customer is
 * ever seen in two consecutive periods' worth of data.
 */
export function measureRetention(
  purchases: readonly Purchase[],
  options: { calibrationEndDay: number; periodDays: number; reason: string },
): SimpleRetention {
  const { calibrationEndDay, periodDays } = options;
  const periodsByCustomer = new Map<string, Map<number, number>>();
  const daysByCustomer = new Map<string, Set<number>>();
  for (const purchase of purchases) {
    if (purchase.day > calibrationEndDay) continue;
    const days = daysByCustomer.get(purchase.customerId) ?? new Set<number>();
    days.add(purchase.day);
    daysByCustomer.set(purchase.customerId, days);
    const period = Math.floor((calibrationEndDay - purchase.day) / periodDays);
    let periods = periodsByCustomer.get(purchase.customerId);
    if (!periods) {
      periods = new Map();
      periodsByCustomer.set(purchase.customerId, periods);
    }
    periods.set(period, (periods.get(period) ?? 0) + purchase.amount);
  }
  if (periodsByCustomer.size < 2) {
    throw new ClvError('TOO_FEW_CUSTOMERS', `Retention needs at least 2 customers; the data have ${periodsByCustomer.size}.`);
  }
  let active = 0;
  let retained = 0;
  const spendPerActivePeriod = new Map<string, number>();
  const spendPerPurchase = new Map<string, number>();
  for (const [customerId, periods] of periodsByCustomer) {
    let spend = 0;
    for (const [period, amount] of periods) {
      spend += amount;
      // Period 0 is the latest: its customers have no "next" period to be seen in yet.
      if (period === 0) continue;
      active += 1;
      if (periods.has(period - 1)) retained += 1;
    }
    spendPerActivePeriod.set(customerId, spend / periods.size);
    spendPerPurchase.set(customerId, spend / daysByCustomer.get(customerId)!.size);
  }
  if (retained === 0) {
    throw new ClvError('NO_REPEAT_PURCHASES', 'No customer bought again in a following period, so retention cannot be measured.');
  }
  return { model: 'simple', reason: options.reason, retentionRate: retained / active, spendPerActivePeriod, spendPerPurchase, periodDays };
}

/**
 * The simple retention value of a customer as a perpetuity: margin × value per
 * period × r/(1 + d − r), the discounted sum of r^k·(value per period)/(1 + d)^k
 * over k = 1, 2, … (future periods only, d the discount rate per period). It is
 * infinite when r ≥ 1 + d, so a report uses `retentionValueOverHorizon`.
 */
export function retentionLifetimeValue(options: { retentionRate: number; valuePerPeriod: number; margin: number; discountRatePerPeriod: number }): number {
  const { retentionRate, valuePerPeriod, margin, discountRatePerPeriod } = options;
  return (margin * valuePerPeriod * retentionRate) / (1 + discountRatePerPeriod - retentionRate);
}

/**
 * The same sum cut off at a horizon of `periods` periods (a fraction allowed:
 * the last, partial period counts in proportion), so it is finite for every r
 * and compares with the fitted models' value over the same horizon:
 * margin × value per period × Σₖ r^k/(1 + d)^k.
 */
export function retentionValueOverHorizon(options: {
  retentionRate: number;
  valuePerPeriod: number;
  margin: number;
  discountRatePerPeriod: number;
  periods: number;
}): number {
  const { retentionRate, valuePerPeriod, margin, discountRatePerPeriod, periods } = options;
  const kept = retentionRate / (1 + discountRatePerPeriod);
  let factor = 1;
  let sum = 0;
  for (let period = 1; period < periods + 1; period += 1) {
    factor *= kept;
    sum += factor * Math.min(1, periods - (period - 1));
  }
  return margin * valuePerPeriod * sum;
}
