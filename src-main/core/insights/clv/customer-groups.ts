import { ClvError } from './clv-errors.ts';
import { DistinctNumbers } from './distinct-numbers.ts';

/** The (x, t_x, T) history a purchase-count model scores. */
export type PurchaseHistory = { x: number; tx: number; T: number };

/**
 * Customers with the same (x, t_x, T) share one likelihood term, so a fit works
 * on the distinct histories with a weight each. Distinct x, t_x and T values are
 * listed once too (most customers share a first-purchase week), so the terms
 * that depend on a single one are computed once per evaluation; and distinct
 * (x, T), on which the purchases expected of a customer still alive depend.
 */
export type GroupedHistories = {
  count: number;
  customers: number;
  /** For each customer, in input order, the row of its history. */
  rowOf: Int32Array;
  weight: Float64Array;
  x: Float64Array;
  tx: Float64Array;
  T: Float64Array;
  xLevels: Float64Array;
  txLevels: Float64Array;
  TLevels: Float64Array;
  xIndex: Int32Array;
  txIndex: Int32Array;
  TIndex: Int32Array;
  /** For each row, its distinct (x, T), whose values are pairX and pairT. */
  pairOf: Int32Array;
  pairX: Float64Array;
  pairT: Float64Array;
};

/**
 * Checks each history and groups equal ones, rows in order of first appearance;
 * throws BAD_INPUT on an impossible history.
 */
export function groupHistories(histories: readonly PurchaseHistory[]): GroupedHistories {
  const customers = histories.length;
  const xs = new DistinctNumbers();
  const txs = new DistinctNumbers();
  const Ts = new DistinctNumbers();
  const pairs = new DistinctNumbers();
  const rows = new DistinctNumbers();
  const rowOf = new Int32Array(customers);
  const firstCustomer = new Int32Array(customers);
  for (let index = 0; index < customers; index += 1) {
    const { x, tx, T } = histories[index]!;
    if (!(Number.isInteger(x) && x >= 0 && tx >= 0 && T >= tx && Number.isFinite(T) && (x > 0 || tx === 0))) {
      throw new ClvError('BAD_INPUT', `A customer history is impossible (x ${x}, t_x ${tx}, T ${T}).`);
    }
    // Ids are below `customers`, so these keys are exact integers for any realistic count.
    const pair = pairs.id(xs.id(x) * customers + Ts.id(T));
    const known = rows.count;
    const row = rows.id(pair * customers + txs.id(tx));
    if (row === known) firstCustomer[row] = index;
    rowOf[index] = row;
  }
  const count = rows.count;
  const weight = new Float64Array(count);
  for (const row of rowOf) weight[row]! += 1;
  const x = new Float64Array(count);
  const tx = new Float64Array(count);
  const T = new Float64Array(count);
  const xIndex = new Int32Array(count);
  const txIndex = new Int32Array(count);
  const TIndex = new Int32Array(count);
  const pairOf = new Int32Array(count);
  const pairX = new Float64Array(pairs.count);
  const pairT = new Float64Array(pairs.count);
  for (let row = 0; row < count; row += 1) {
    const history = histories[firstCustomer[row]!]!;
    x[row] = history.x;
    tx[row] = history.tx;
    T[row] = history.T;
    // Take the keys apart again: row = pair·customers + t_x id, pair = x id·customers + T id.
    const rowKey = rows.values[row]!;
    txIndex[row] = rowKey % customers;
    const pair = (rowKey - txIndex[row]!) / customers;
    const pairKey = pairs.values[pair]!;
    TIndex[row] = pairKey % customers;
    xIndex[row] = (pairKey - TIndex[row]!) / customers;
    pairOf[row] = pair;
    pairX[pair] = history.x;
    pairT[pair] = history.T;
  }
  const xLevels = xs.distinct();
  const txLevels = txs.distinct();
  const TLevels = Ts.distinct();
  return { count, customers, rowOf, weight, x, tx, T, xLevels, txLevels, TLevels, xIndex, txIndex, TIndex, pairOf, pairX, pairT };
}

/** Customers' histories, or the same already grouped so a fit and the scoring after it group them once. */
export type Histories = readonly PurchaseHistory[] | GroupedHistories;

/** The histories grouped, unless they already are. */
export function grouped(histories: Histories): GroupedHistories {
  return 'rowOf' in histories ? histories : groupHistories(histories);
}

/** Refuses data no purchase-count model can be fitted to. */
export function assertFittable(data: GroupedHistories): void {
  if (data.customers < 2) {
    throw new ClvError('TOO_FEW_CUSTOMERS', `A model needs at least 2 customers; the data have ${data.customers}.`);
  }
  if (!data.xLevels.some((x) => x > 0)) {
    throw new ClvError('NO_REPEAT_PURCHASES', 'No customer bought again, so there is no purchase rhythm to fit.');
  }
}
