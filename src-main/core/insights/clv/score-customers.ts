import { groupHistories } from './customer-groups.ts';
import type { PurchaseHistory } from './customer-groups.ts';
import { discountedExpectedPurchases } from './lifetime-value.ts';
import type { DiscountSchedule } from './lifetime-value.ts';
import type { PurchaseModel } from './purchase-model.ts';

/**
 * Per customer, in input order: P(alive), expected purchases over the horizon
 * and, when a discount schedule is given, discounted expected purchases over it
 * (multiply by margin × value per purchase for the lifetime value).
 */
export type CustomerScores = { pAlive: Float64Array; expectedPurchases: Float64Array; discountedPurchases: Float64Array | null };

/**
 * Scores every customer with a fitted model, computing each distinct
 * (x, t_x, T) once: in a shop's data most customers share a history.
 */
export function scoreCustomers(
  model: PurchaseModel,
  histories: readonly PurchaseHistory[],
  horizon: number,
  discount?: DiscountSchedule,
): CustomerScores {
  const groups = groupHistories(histories);
  const rowAlive = new Float64Array(groups.count);
  const rowExpected = new Float64Array(groups.count);
  const rowDiscounted = new Float64Array(discount ? groups.count : 0);
  for (let row = 0; row < groups.count; row += 1) {
    const history = { x: groups.x[row]!, tx: groups.tx[row]!, T: groups.T[row]! };
    rowAlive[row] = model.probabilityAlive(history);
    rowExpected[row] = rowAlive[row]! * model.expectedPurchasesIfAlive(history, horizon);
    if (discount) rowDiscounted[row] = discountedExpectedPurchases(model, history, discount, rowAlive[row]);
  }
  const pAlive = new Float64Array(groups.customers);
  const expectedPurchases = new Float64Array(groups.customers);
  const discountedPurchases = discount ? new Float64Array(groups.customers) : null;
  groups.rowOf.forEach((row, customer) => {
    pAlive[customer] = rowAlive[row]!;
    expectedPurchases[customer] = rowExpected[row]!;
    if (discountedPurchases) discountedPurchases[customer] = rowDiscounted[row]!;
  });
  return { pAlive, expectedPurchases, discountedPurchases };
}
