import { grouped } from './customer-groups.ts';
import type { Histories } from './customer-groups.ts';
import { discountWeights } from './lifetime-value.ts';
import type { DiscountSchedule } from './lifetime-value.ts';
import type { PurchaseModel } from './purchase-model.ts';

/**
 * Per customer, in input order: P(alive), expected purchases over the horizon
 * and, when a discount schedule is given, discounted expected purchases over it
 * (multiply by margin × value per purchase for the lifetime value).
 */
export type CustomerScores = { pAlive: Float64Array; expectedPurchases: Float64Array; discountedPurchases: Float64Array | null };

/**
 * Scores every customer with a fitted model. P(alive) is computed once per
 * distinct (x, t_x, T); the purchases expected if alive depend on (x, T) only,
 * so they are forecast once per distinct (x, T), all in one call.
 */
export function scoreCustomers(
  model: PurchaseModel,
  histories: Histories,
  horizon: number,
  discount?: DiscountSchedule,
): CustomerScores {
  const groups = grouped(histories);
  const rowAlive = new Float64Array(groups.count);
  for (let row = 0; row < groups.count; row += 1) {
    rowAlive[row] = model.probabilityAlive({ x: groups.x[row]!, tx: groups.tx[row]!, T: groups.T[row]! });
  }
  const { pairX, pairT, pairOf } = groups;
  const expectedIfAlive = model.forecastIfAlive(pairX, pairT, Float64Array.of(horizon), Float64Array.of(1));
  const schedule = discount ? discountWeights(discount) : null;
  const discountedIfAlive = schedule ? model.forecastIfAlive(pairX, pairT, schedule.times, schedule.weights) : null;

  const pAlive = new Float64Array(groups.customers);
  const expectedPurchases = new Float64Array(groups.customers);
  const discountedPurchases = discountedIfAlive ? new Float64Array(groups.customers) : null;
  for (let customer = 0; customer < groups.customers; customer += 1) {
    const row = groups.rowOf[customer]!;
    const pair = pairOf[row]!;
    pAlive[customer] = rowAlive[row]!;
    expectedPurchases[customer] = rowAlive[row]! * expectedIfAlive[pair]!;
    if (discountedPurchases) discountedPurchases[customer] = rowAlive[row]! * discountedIfAlive![pair]!;
  }
  return { pAlive, expectedPurchases, discountedPurchases };
}
