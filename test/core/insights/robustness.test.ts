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
  summarizeCustomers,
  thinDataReason,
} from '../../../src-main/core/insights/index.ts';
import type { PurchaseHistory, PurchaseModel } from '../../../src-main/core/insights/index.ts';

const text = readFileSync(new URL('../../fixtures/cdnow/CDNOW_sample.txt', import.meta.url), 'utf8');
const purchases = parseTransactions(text, { customerColumn: '2', dateColumn: '3', amountColumn: '5', hasHeader: false, delimiter: 'auto' });
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
    const value = retentionLifetimeValue({ retentionRate: 0.4, valuePerPeriod: 100, margin: 0.5, discountRatePerPeriod: 0.02 });
    expect(value).toBeCloseTo((0.5 * 100 * 0.4) / (1 + 0.02 - 0.4), 12);
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
