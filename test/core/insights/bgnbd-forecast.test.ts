import { describe, expect, it } from 'vitest';
import { bgnbdForecastIfAlive } from '../../../src-main/core/insights/clv/bgnbd-forecast.ts';
import { bgnbdModel, discountRatePerUnit, scoreCustomers, seededRandom } from '../../../src-main/core/insights/clv/index.ts';
import type { BgnbdParams, PurchaseHistory } from '../../../src-main/core/insights/clv/index.ts';
import { discountWeights } from '../../../src-main/core/insights/clv/lifetime-value.ts';
import { logHypergeometric2F1 } from '../../../src-main/core/insights/clv/special-functions.ts';

// The scoring forecasts with an Euler-transformed series shared between
// customers; here every figure is checked against the plain evaluation it
// replaced: FHL 2005 eq. 10 with one Gauss series per time, and the discounted
// sum taken period by period.

/** E[Y(t) | x, T, alive at T], FHL 2005 eq. 10, evaluated plainly (a ≠ 1, a + b + x > 1). */
function plainExpectedIfAlive({ r, alpha, a, b }: BgnbdParams, x: number, T: number, t: number): number {
  const c = a + b + x - 1;
  const logPart = (r + x) * Math.log((alpha + T) / (alpha + T + t)) + logHypergeometric2F1(r + x, b + x, c, t / (alpha + T + t));
  return (c / (a - 1)) * -Math.expm1(logPart);
}

function plainAlive({ r, alpha, a, b }: BgnbdParams, { x, tx, T }: PurchaseHistory): number {
  if (x === 0) return 1;
  return 1 / (1 + (a / (b + x - 1)) * Math.pow((alpha + T) / (alpha + tx), r + x));
}

/** Σₘ (E(m·L) − E((m−1)·L)) / (1 + d)^m, period by period. */
function plainDiscounted(params: BgnbdParams, x: number, T: number, periods: number, rate: number, length: number): number {
  let previous = 0;
  let value = 0;
  let discount = 1;
  for (let period = 1; period <= periods; period += 1) {
    const cumulative = plainExpectedIfAlive(params, x, T, period * length);
    discount /= 1 + rate;
    value += (cumulative - previous) * discount;
    previous = cumulative;
  }
  return value;
}

const models: Record<string, BgnbdParams> = {
  'CDNOW (FHL 2005)': { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 },
  'the bench generator': { r: 0.812, alpha: 2.684, a: 0.805, b: 6.003 },
  'a > 1 and a large r': { r: 6.5, alpha: 30, a: 2.7, b: 4.2 },
  // α + T ≪ 52 weeks: z = t/(α + T + t) reaches 0.99.
  'z near 1 (small α)': { r: 0.35, alpha: 0.5, a: 0.6, b: 1.3 },
  'a + b near 1': { r: 1.2, alpha: 8, a: 0.3, b: 0.75 },
  // A = a + b − 1 − r ≪ 0: the series' terms change sign.
  'r ≫ 1': { r: 40, alpha: 200, a: 0.9, b: 3 },
  // b ≫ r: the series cancels too much and the direct form takes over.
  'b ≫ r': { r: 0.1, alpha: 10, a: 0.5, b: 5000 },
};

/** A few hundred histories: new customers (T = 0), one-timers, heavy buyers, long-lapsed ones (T ≫ t_x). */
function histories(): PurchaseHistory[] {
  const random = seededRandom(3);
  const list: PurchaseHistory[] = [
    { x: 0, tx: 0, T: 0 },
    { x: 0, tx: 0, T: 0.14 },
    { x: 0, tx: 0, T: 150 },
    { x: 1, tx: 0.14, T: 0.14 },
    { x: 1, tx: 0.5, T: 156 },
    { x: 400, tx: 155, T: 156 },
    { x: 250, tx: 40, T: 156 },
    { x: 60, tx: 2, T: 150 },
  ];
  for (let index = 0; index < 300; index += 1) {
    const T = Math.round(random() * 156 * 7) / 7;
    const x = random() < 0.2 ? 0 : Math.floor(Math.pow(random(), 3) * 200) + 1;
    const tx = x === 0 ? 0 : Math.round(random() * T * 7) / 7;
    list.push({ x, tx, T });
  }
  return list;
}

function expectRelative(actual: number, expected: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-9 * Math.abs(expected) + 1e-300);
}

describe('BG/NBD scoring equals the plain closed form', () => {
  const customers = histories();
  const weekly = { periods: 52, discountRatePerPeriod: discountRatePerUnit(0.1, 'week'), periodLength: 1 };

  for (const [name, params] of Object.entries(models)) {
    it(`${name}: P(alive), 52-week expected and discounted purchases for ${customers.length} histories, to 1e-9`, () => {
      const scores = scoreCustomers(bgnbdModel(params), customers, 52, weekly);
      customers.forEach((customer, index) => {
        const alive = plainAlive(params, customer);
        expectRelative(scores.pAlive[index]!, alive);
        expectRelative(scores.expectedPurchases[index]!, alive * plainExpectedIfAlive(params, customer.x, customer.T, 52));
        const discounted = plainDiscounted(params, customer.x, customer.T, 52, weekly.discountRatePerPeriod, 1);
        expectRelative(scores.discountedPurchases![index]!, alive * discounted);
      });
    });
  }

  it('a daily schedule (365 periods of a day) and a horizon that is not a whole period', () => {
    const params = models['CDNOW (FHL 2005)']!;
    const daily = { periods: 365, discountRatePerPeriod: discountRatePerUnit(0.08, 'day'), periodLength: 1 };
    const inDays = customers.slice(0, 60).map(({ x, tx, T }) => ({ x, tx: tx * 7, T: T * 7 }));
    const dayParams = { ...params, alpha: params.alpha * 7 };
    const scores = scoreCustomers(bgnbdModel(dayParams), inDays, 100.5, daily);
    inDays.forEach((customer, index) => {
      const alive = plainAlive(dayParams, customer);
      expectRelative(scores.expectedPurchases[index]!, alive * plainExpectedIfAlive(dayParams, customer.x, customer.T, 100.5));
      expectRelative(scores.discountedPurchases![index]!, alive * plainDiscounted(dayParams, customer.x, customer.T, 365, daily.discountRatePerPeriod, 1));
    });
  });

  it('uses the shared series for ordinary histories, not the direct evaluation it falls back on', () => {
    const params = models['the bench generator']!;
    const { times, weights } = discountWeights({ periods: 52, discountRatePerPeriod: 0.002, periodLength: 1 });
    let direct = 0;
    bgnbdForecastIfAlive(
      params,
      Float64Array.from(customers, (customer) => customer.x),
      Float64Array.from(customers, (customer) => customer.T),
      times,
      weights,
      (x, T, t) => {
        direct += 1;
        return plainExpectedIfAlive(params, x, T, t);
      },
    );
    expect(direct).toBe(0);
  });

  it('near a = 1, where the closed form is 0/0, matches the plain form just either side', () => {
    const near = { r: 0.5, alpha: 6, a: 1.00002, b: 3 };
    const scores = scoreCustomers(bgnbdModel(near), customers.slice(0, 40), 52, weekly);
    customers.slice(0, 40).forEach((customer, index) => {
      const alive = plainAlive(near, customer);
      const below = plainExpectedIfAlive({ ...near, a: 1 - 2e-4 }, customer.x, customer.T, 52);
      const above = plainExpectedIfAlive({ ...near, a: 1 + 2e-4 }, customer.x, customer.T, 52);
      expect(scores.expectedPurchases[index]! / alive).toBeGreaterThanOrEqual(Math.min(below, above));
      expect(scores.expectedPurchases[index]! / alive).toBeLessThanOrEqual(Math.max(below, above));
    });
  });
});
