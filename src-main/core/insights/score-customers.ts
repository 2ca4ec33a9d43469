import { groupHistories } from './customer-groups.ts';
import type { PurchaseHistory } from './customer-groups.ts';
import type { PurchaseModel } from './purchase-model.ts';

/** Per customer, in input order: P(alive) and expected purchases over the horizon. */
export type CustomerScores = { pAlive: Float64Array; expectedPurchases: Float64Array };

/**
 * Scores every customer with a fitted model, computing each distinct
 * (x, t_x, T) once: in a shop's data most customers share a history.
 */
export function scoreCustomers(model: PurchaseModel, histories: readonly PurchaseHistory[], horizon: number): CustomerScores {
  const groups = groupHistories(histories);
  const rowAlive = new Float64Array(groups.count);
  const rowExpected = new Float64Array(groups.count);
  for (let row = 0; row < groups.count; row += 1) {
    const history = { x: groups.x[row]!, tx: groups.tx[row]!, T: groups.T[row]! };
    rowAlive[row] = model.probabilityAlive(history);
    rowExpected[row] = model.conditionalExpectedPurchases(history, horizon);
  }
  const pAlive = new Float64Array(groups.customers);
  const expectedPurchases = new Float64Array(groups.customers);
  groups.rowOf.forEach((row, customer) => {
    pAlive[customer] = rowAlive[row]!;
    expectedPurchases[customer] = rowExpected[row]!;
  });
  return { pAlive, expectedPurchases };
}
