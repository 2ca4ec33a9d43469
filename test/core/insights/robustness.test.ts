import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDay, parseTransactions } from '../../../src-main/cli/transactions-file.ts';
import {
  bgnbdModel,
  ClvError,
  conditionalExpectedSpend,
  discountedExpectedResidualTransactions,
  fitBgnbd,
  fitGammaGamma,
  fitParetoNbd,
  measureRetention,
  MIN_REPEAT_CUSTOMERS_FOR_FIT,
  paretoNbdLogLikelihood,
  paretoNbdModel,
  retentionLifetimeValue,
  retentionValueOverHorizon,
  seededRandom,
  summarizeCustomers,
  thinDataReason,
} from '../../../src-main/core/insights/clv/index.ts';
import type { PurchaseHistory, PurchaseModel } from '../../../src-main/core/insights/clv/index.ts';

const text = readFileSync(new URL('../../fixtures/cdnow/CDNOW_sample.txt', import.meta.url), 'utf8');
const purchases = parseTransactions(text, { customerColumn: '2', dateColumn: '3', amountColumn: '5', hasHeader: false, delimiter: 'auto' }).purchases;
const summaries = summarizeCustomers(purchases, { calibrationEndDay: parseDay('1997-09-30')!, unit: 'week' });

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof ClvError) return error.code;
    throw error;
  }
  return undefined;
}

const extremes: PurchaseHistory[] = [
  { x: 0, tx: 0, T: 0 },
  { x: 0, tx: 0, T: 5000 },
  { x: 1, tx: 0, T: 0 },
  { x: 60, tx: 0.5, T: 39 },
  { x: 60, tx: 39, T: 39 },
  { x: 500, tx: 300, T: 5000 },
  { x: 3, tx: 1e-9, T: 1e4 },
];

function expectFiniteScores(model: PurchaseModel, histories: readonly PurchaseHistory[]): void {
  for (const history of histories) {
    const pAlive = model.probabilityAlive(history);
    expect(pAlive, JSON.stringify(history)).toBeGreaterThanOrEqual(0);
    expect(pAlive).toBeLessThanOrEqual(1);
    for (const t of [0, 1, 52, 520, 52_000]) {
      const expected = model.conditionalExpectedPurchases(history, t);
      expect(Number.isFinite(expected) && expected >= 0, `${JSON.stringify(history)} t=${t}: ${expected}`).toBe(true);
    }
    expect(Number.isFinite(discountedExpectedResidualTransactions(model, history, 0.002))).toBe(true);
  }
}

describe('no NaN or Infinity on real data', () => {
  it('scores every CDNOW customer and extreme histories with both fitted models', () => {
    for (const model of [bgnbdModel(fitBgnbd(summaries).params), paretoNbdModel(fitParetoNbd(summaries).params)]) {
      expectFiniteScores(model, summaries);
      expectFiniteScores(model, extremes);
    }
  });

  it('keeps the Pareto/NBD likelihood finite where ₂F₁ arguments approach 1, on both branches', () => {
    const params = [
      { r: 0.5, alpha: 0.01, s: 0.5, beta: 1e5 },
      { r: 0.5, alpha: 1e5, s: 0.5, beta: 0.01 },
      { r: 40, alpha: 1e-3, s: 30, beta: 1e4 },
      { r: 0.553, alpha: 10.578, s: 1, beta: 10.578 },
    ];
    for (const param of params) {
      expect(Number.isFinite(paretoNbdLogLikelihood(param, [...summaries, ...extremes]))).toBe(true);
      expectFiniteScores(paretoNbdModel(param), extremes);
    }
  });

  it('gives every CDNOW customer a finite expected spend', () => {
    const spend = fitGammaGamma(summaries).params;
    for (const summary of summaries) expect(Number.isFinite(conditionalExpectedSpend(spend, summary))).toBe(true);
  });
});

describe('degenerate data get an error code, never NaN', () => {
  it('one customer is TOO_FEW_CUSTOMERS', () => {
    expect(codeOf(() => fitBgnbd([{ x: 3, tx: 10, T: 20 }]))).toBe('TOO_FEW_CUSTOMERS');
    expect(codeOf(() => fitParetoNbd([{ x: 3, tx: 10, T: 20 }]))).toBe('TOO_FEW_CUSTOMERS');
  });

  it('nobody buying twice is NO_REPEAT_PURCHASES', () => {
    const once = [{ x: 0, tx: 0, T: 20 }, { x: 0, tx: 0, T: 10 }];
    expect(codeOf(() => fitBgnbd(once))).toBe('NO_REPEAT_PURCHASES');
    expect(codeOf(() => fitParetoNbd(once))).toBe('NO_REPEAT_PURCHASES');
    expect(codeOf(() => fitGammaGamma([{ x: 0, meanRepeatValue: 0 }]))).toBe('NO_REPEAT_PURCHASES');
  });

  it('an impossible history is BAD_INPUT', () => {
    expect(codeOf(() => fitBgnbd([{ x: 1, tx: 30, T: 20 }, { x: 1, tx: 1, T: 2 }]))).toBe('BAD_INPUT');
    expect(codeOf(() => fitBgnbd([{ x: Number.NaN, tx: 0, T: 2 }, { x: 1, tx: 1, T: 2 }]))).toBe('BAD_INPUT');
  });

  it('data that pull the parameters to a boundary are FIT_DID_NOT_CONVERGE', () => {
    // Everyone bought exactly at the same rhythm and is still here: no heterogeneity to estimate.
    const identical = Array.from({ length: 200 }, () => ({ x: 10, tx: 39, T: 39 }));
    expect(codeOf(() => fitBgnbd(identical))).toBe('FIT_DID_NOT_CONVERGE');
  });
});

describe('a Pareto/NBD fit with no interior maximum', () => {
  // 500 customers whose purchase rates vary (Gamma(2, 10) per week) but who all
  // share one dropout rate, 0.02 a week: the likelihood keeps rising as s and β
  // grow together (the homogeneous limit), so there is nothing to converge to.
  // Before the box and evaluation cap, this fit ran for more than 300 s.
  const random = seededRandom(1);
  const exponential = () => -Math.log(1 - random());
  const histories = Array.from({ length: 500 }, () => {
    const rate = (exponential() + exponential()) / 10;
    const T = 52 + 12 * random();
    const end = Math.min(T, exponential() / 0.02);
    let t = exponential() / rate;
    let x = 0;
    let tx = 0;
    for (; t < end; t += exponential() / rate) {
      x += 1;
      tx = t;
    }
    return { x, tx, T };
  });

  it('stops early with FIT_DID_NOT_CONVERGE after a bounded number of likelihood evaluations', () => {
    let error: unknown;
    try {
      fitParetoNbd(histories);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ClvError);
    expect((error as ClvError).code).toBe('FIT_DID_NOT_CONVERGE');
    const evaluations = Number(/after (\d+) likelihood evaluations/.exec((error as ClvError).message)?.[1]);
    // Two starts of at most 200 gradient calls of 9 evaluations each.
    expect(evaluations).toBeLessThanOrEqual(2 * 200 * 9);
  });
});

describe('the simple model for thin data', () => {
  const thin = purchases.filter((purchase) => Number(purchase.customerId) <= 40);
  const end = parseDay('1997-09-30')!;
  const thinSummaries = summarizeCustomers(thin, { calibrationEndDay: end, unit: 'week' });

  it(`is chosen below ${MIN_REPEAT_CUSTOMERS_FOR_FIT} repeat customers, with the reason`, () => {
    expect(thinDataReason(summaries)).toBeUndefined();
    const reason = thinDataReason(thinSummaries);
    expect(reason).toMatch(/only \d+ customers bought more than once/);
  });

  it('measures retention between consecutive quarters and values a customer at m·r/(1 + d − r)', () => {
    const retention = measureRetention(thin, { calibrationEndDay: end, periodDays: 91, reason: 'thin' });
    expect(retention.model).toBe('simple');
    expect(retention.retentionRate).toBeGreaterThan(0);
    expect(retention.retentionRate).toBeLessThan(1);
    // Independently: the discounted sum Σ r^k·v/(1 + d)^k over k = 1, 2, … (0.4/1.02 < 1, so 200 terms are exact).
    let sum = 0;
    for (let k = 1; k <= 200; k += 1) sum += (Math.pow(0.4, k) * 100) / Math.pow(1.02, k);
    const value = retentionLifetimeValue({ retentionRate: 0.4, valuePerPeriod: 100, margin: 0.5, discountRatePerPeriod: 0.02 });
    expect(value).toBeCloseTo(0.5 * sum, 10);
  });

  it('cuts the value off at the horizon, so it stays finite even at r = 1 with no discount', () => {
    const options = { retentionRate: 0.4, valuePerPeriod: 100, margin: 0.5, discountRatePerPeriod: 0.02 };
    const q = 0.4 / 1.02;
    expect(retentionValueOverHorizon({ ...options, periods: 4 })).toBeCloseTo((0.5 * 100 * q * (1 - Math.pow(q, 4))) / (1 - q), 10);
    // Half of the fifth period counts half.
    expect(retentionValueOverHorizon({ ...options, periods: 4.5 })).toBeCloseTo(0.5 * 100 * ((q * (1 - Math.pow(q, 4))) / (1 - q) + 0.5 * Math.pow(q, 5)), 10);
    expect(retentionValueOverHorizon({ ...options, periods: 500 })).toBeCloseTo(retentionLifetimeValue(options), 10);
    expect(retentionValueOverHorizon({ retentionRate: 1, valuePerPeriod: 100, margin: 1, discountRatePerPeriod: 0, periods: 4 })).toBe(400);
  });

  it('refuses data where nobody comes back', () => {
    const once = [
      { customerId: 'a', day: 10, amount: 5 },
      { customerId: 'b', day: 200, amount: 5 },
    ];
    expect(codeOf(() => measureRetention(once, { calibrationEndDay: 300, periodDays: 91, reason: 'thin' }))).toBe('NO_REPEAT_PURCHASES');
    expect(codeOf(() => measureRetention(once.slice(0, 1), { calibrationEndDay: 300, periodDays: 91, reason: 'thin' }))).toBe('TOO_FEW_CUSTOMERS');
  });
});
