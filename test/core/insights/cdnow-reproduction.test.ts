import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDay, parseTransactions } from '../../../src-main/cli/transactions-file.ts';
import {
  bgnbdModel,
  fitBgnbd,
  fitGammaGamma,
  fitParetoNbd,
  paretoNbdModel,
  summarizeCustomers,
} from '../../../src-main/core/insights/clv/index.ts';
import type { PurchaseModel } from '../../../src-main/core/insights/clv/index.ts';

// Fader, Hardie & Lee (2005) on the CDNOW 1/10th sample, rebuilt from the raw
// transactions: weeks, calibration 1997-01-01..1997-09-30, holdout to 1998-06-30.
const fixtures = new URL('../../fixtures/cdnow/', import.meta.url);
const published = JSON.parse(readFileSync(new URL('published.json', fixtures), 'utf8'));
const file = parseTransactions(readFileSync(new URL('CDNOW_sample.txt', fixtures), 'utf8'), {
  customerColumn: '2',
  dateColumn: '3',
  amountColumn: '5',
  hasHeader: false,
  delimiter: 'whitespace',
});
// CDNOW has no refunds; its eight $0 orders count as purchases, as in the papers.
const purchases = file.purchases;
const calibrationEnd = parseDay('1997-09-30')!;
const holdoutEnd = parseDay('1998-06-30')!;
const summaries = summarizeCustomers(purchases, { calibrationEndDay: calibrationEnd, unit: 'week' });

function expectWithin(actual: number, expected: number, relative: number): void {
  expect(Math.abs(actual / expected - 1), `${actual} vs ${expected}`).toBeLessThanOrEqual(relative);
}

describe('customer summaries from the raw CDNOW transactions', () => {
  it('match the published summary file to 2 decimals for all 2,357 customers', () => {
    const lines = readFileSync(new URL('cdnow_customers_summary_with_transactions.csv', fixtures), 'utf8').trim().split(/\r?\n/).slice(1);
    const byId = new Map(summaries.map((summary) => [Number(summary.customerId), summary]));
    expect(summaries).toHaveLength(2357);
    for (const line of lines) {
      const [id, x, tx, T, zbar] = line.split(',').map(Number) as [number, number, number, number, number];
      const ours = byId.get(id)!;
      expect(ours.x).toBe(x);
      expect(Math.abs(ours.tx - tx)).toBeLessThanOrEqual(0.0051);
      expect(Math.abs(ours.T - T)).toBeLessThanOrEqual(0.0051);
      expect(Math.abs(ours.meanRepeatValue - zbar)).toBeLessThanOrEqual(0.0051);
    }
  });
});

describe('the published CDNOW estimates', () => {
  it('BG/NBD: r, α, a, b within 0.5% and the log-likelihood within 0.1', () => {
    const fit = fitBgnbd(summaries);
    const expected = published.models.bgnbd;
    for (const name of ['r', 'alpha', 'a', 'b'] as const) expectWithin(fit.params[name], expected.params[name], 0.005);
    expect(Math.abs(fit.logLikelihood - expected.log_likelihood)).toBeLessThanOrEqual(0.1);
  });

  it('Pareto/NBD: r, α, s within 0.5%, the weakly determined β within 1%, the log-likelihood within 0.1', () => {
    const fit = fitParetoNbd(summaries);
    const expected = published.models.pareto_nbd;
    for (const name of ['r', 'alpha', 's'] as const) expectWithin(fit.params[name], expected.params[name], 0.005);
    expectWithin(fit.params.beta, expected.params.beta, 0.01);
    expect(Math.abs(fit.logLikelihood - expected.log_likelihood)).toBeLessThanOrEqual(0.1);
  });

  it('Gamma-Gamma: p, q, γ within 0.5% on the 946 repeat customers (LL as CLVTools reports, −4055.92)', () => {
    const fit = fitGammaGamma(summaries);
    const expected = published.models.gamma_gamma;
    expect(summaries.filter((summary) => summary.x > 0)).toHaveLength(expected.n_customers);
    for (const name of ['p', 'q', 'gamma'] as const) expectWithin(fit.params[name], expected.params[name], 0.005);
    expect(Math.abs(fit.logLikelihood - -4055.9177)).toBeLessThanOrEqual(0.1);
  });
});

describe('forecasts over the 39-week holdout (Fader–Hardie tracking comparison)', () => {
  // Repeat transactions in weeks 40–78, same-day purchases once.
  const holdoutDays = new Set<string>();
  for (const purchase of purchases) {
    if (purchase.day > calibrationEnd && purchase.day <= holdoutEnd) holdoutDays.add(`${purchase.customerId}|${purchase.day}`);
  }
  const calibrationRepeats = summaries.reduce((sum, summary) => sum + summary.x, 0);
  const actualCumulative = calibrationRepeats + holdoutDays.size;
  const holdoutWeeks = (holdoutEnd - calibrationEnd) / 7;
  const models = [
    ['BG/NBD', () => bgnbdModel(fitBgnbd(summaries).params)],
    ['Pareto/NBD', () => paretoNbdModel(fitParetoNbd(summaries).params)],
  ] as const;

  // The cohort's expected cumulative repeat purchases at week 78: each customer
  // has been a customer for T_i + 39 weeks by then, so Σᵢ E[X(T_i + 39)].
  function expectedCumulative(model: PurchaseModel): number {
    return summaries.reduce((sum, summary) => sum + model.expectedPurchases(summary.T + holdoutWeeks), 0);
  }

  // The holdout alone: Σᵢ E[X(T_i + 39)] − E[X(T_i)].
  function expectedHoldout(model: PurchaseModel): number {
    return summaries.reduce((sum, summary) => sum + model.expectedPurchases(summary.T + holdoutWeeks) - model.expectedPurchases(summary.T), 0);
  }

  it('counts the actual repeat purchases the papers track (weeks 1–78)', () => {
    expect(calibrationRepeats).toBe(2457);
    expect(holdoutDays.size).toBe(1882);
  });

  for (const [name, fitted] of models) {
    it(`${name} forecasts the cumulative repeat purchases at week 78 (calibration + holdout) within 5%`, () => {
      expectWithin(expectedCumulative(fitted()), actualCumulative, 0.05);
    });

    // The published tracking plots show both models running below the actual
    // cumulative curve through the holdout while fitting the calibration period
    // closely. On the holdout's 1,882 purchases alone that gap is measured here
    // as −11.4% (BG/NBD) and −7.3% (Pareto/NBD); 15% honours it, while an
    // E[X(t)] with a wrong rate or time scale misses by far more.
    it(`${name} forecasts the holdout-only repeat purchases (weeks 40–78) within 15%`, () => {
      expectWithin(expectedHoldout(fitted()), holdoutDays.size, 0.15);
    });
  }
});
