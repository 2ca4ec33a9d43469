import { ClvError } from './clv-errors.ts';

/** The (x, t_x, T) history a purchase-count model scores. */
export type PurchaseHistory = { x: number; tx: number; T: number };

/**
 * Customers with the same (x, t_x, T) share one likelihood term, so a fit works
 * on the distinct histories with a weight each. Distinct x, t_x and T values are
 * listed once too (most customers share a first-purchase week), so the terms
 * that depend on a single one are computed once per evaluation.
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
};

// Sorting and binary search beat hashing doubles by several times at 100,000 customers.
function levels(values: Float64Array): { levels: Float64Array; index: Int32Array } {
  const sorted = Float64Array.from(values).sort();
  let unique = 0;
  for (let index = 0; index < sorted.length; index += 1) {
    if (index === 0 || sorted[index] !== sorted[unique - 1]) sorted[unique++] = sorted[index]!;
  }
  const distinct = sorted.slice(0, unique);
  const position = new Int32Array(values.length);
  for (let index = 0; index < values.length; index += 1) {
    const value = values[index]!;
    let low = 0;
    let high = unique - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (distinct[middle]! < value) low = middle + 1;
      else high = middle;
    }
    position[index] = low;
  }
  return { levels: distinct, index: position };
}

/** Checks each history and groups equal ones; throws BAD_INPUT on an impossible history. */
export function groupHistories(histories: readonly PurchaseHistory[]): GroupedHistories {
  const customers = histories.length;
  const allX = new Float64Array(customers);
  const allTx = new Float64Array(customers);
  const allT = new Float64Array(customers);
  histories.forEach(({ x, tx, T }, index) => {
    if (!(Number.isInteger(x) && x >= 0 && tx >= 0 && T >= tx && Number.isFinite(T) && (x > 0 || tx === 0))) {
      throw new ClvError('BAD_INPUT', `A customer history is impossible (x ${x}, t_x ${tx}, T ${T}).`);
    }
    allX[index] = x;
    allTx[index] = tx;
    allT[index] = T;
  });
  const xLevels = levels(allX);
  const txLevels = levels(allTx);
  const TLevels = levels(allT);
  // Level numbers make an exact integer key, far cheaper to hash than a string.
  const txCount = txLevels.levels.length;
  const TCount = TLevels.levels.length;
  const rowByKey = new Map<number, number>();
  const rowOf = new Int32Array(customers);
  const firstCustomer: number[] = [];
  for (let index = 0; index < customers; index += 1) {
    const key = (xLevels.index[index]! * txCount + txLevels.index[index]!) * TCount + TLevels.index[index]!;
    let row = rowByKey.get(key);
    if (row === undefined) {
      row = firstCustomer.length;
      rowByKey.set(key, row);
      firstCustomer.push(index);
    }
    rowOf[index] = row;
  }
  const count = firstCustomer.length;
  const weight = new Float64Array(count);
  for (const row of rowOf) weight[row]! += 1;
  const pick = <T extends Float64Array | Int32Array>(source: T, target: T): T => {
    firstCustomer.forEach((customer, row) => (target[row] = source[customer]!));
    return target;
  };
  return {
    count,
    customers,
    rowOf,
    weight,
    x: pick(allX, new Float64Array(count)),
    tx: pick(allTx, new Float64Array(count)),
    T: pick(allT, new Float64Array(count)),
    xLevels: xLevels.levels,
    txLevels: txLevels.levels,
    TLevels: TLevels.levels,
    xIndex: pick(xLevels.index, new Int32Array(count)),
    txIndex: pick(txLevels.index, new Int32Array(count)),
    TIndex: pick(TLevels.index, new Int32Array(count)),
  };
}

/** Refuses data no purchase-count model can be fitted to. */
export function assertFittable(histories: readonly PurchaseHistory[]): void {
  if (histories.length < 2) {
    throw new ClvError('TOO_FEW_CUSTOMERS', `A model needs at least 2 customers; the data have ${histories.length}.`);
  }
  if (!histories.some((history) => history.x > 0)) {
    throw new ClvError('NO_REPEAT_PURCHASES', 'No customer bought again, so there is no purchase rhythm to fit.');
  }
}
