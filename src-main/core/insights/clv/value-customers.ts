import { ClvError } from './clv-errors.ts';
import { groupHistories } from './customer-groups.ts';
import type { GroupedHistories } from './customer-groups.ts';
import { daysPerUnit } from './customer-summary.ts';
import type { CustomerSummary, Purchase, TimeUnit } from './customer-summary.ts';
import { bgnbdModel, fitBgnbd } from './bgnbd.ts';
import { averageRepeatSpend, conditionalExpectedSpend, fitGammaGamma } from './gamma-gamma.ts';
import { discountRatePerDays, discountRatePerUnit } from './lifetime-value.ts';
import { fitParetoNbd, paretoNbdModel } from './pareto-nbd.ts';
import type { ModelFit, PurchaseModel } from './purchase-model.ts';
import { scoreCustomers } from './score-customers.ts';
import { measureRetention, retentionValueOverHorizon, thinDataReason } from './simple-retention.ts';

// The one place that decides which model values the customers and how: the
// `ambassador clv` command and the app's background recompute both call it, so
// their figures are the same by construction.

/** The simple model measures retention per quarter. */
const RETENTION_PERIOD_DAYS = 91;

export type ValuationOptions = {
  unit: TimeUnit;
  model: 'bgnbd' | 'pareto';
  /** Units ahead for expected purchases and value. */
  horizon: number;
  annualDiscount: number;
  /** Profit margin as a fraction of spend, 0 to 1. */
  margin: number;
};

/** How the value of one future purchase was estimated. */
export type SpendReport = {
  /**
   * gamma-gamma: the fitted model; average: the mean of all repeat purchases,
   * when Gamma-Gamma cannot be fitted; customer-average: each customer's own
   * mean purchase (the simple model).
   */
  model: 'gamma-gamma' | 'average' | 'customer-average';
  /** Why the fitted spend model was not used. */
  reason?: string;
  params: object | null;
  logLikelihood: number | null;
};

/** Every customer valued: what `ambassador clv --json` prints. */
export type ClvReport = {
  model: 'bgnbd' | 'pareto' | 'simple';
  /** Why the simple model was used instead of a fitted one. */
  reason?: string;
  /** How the simple model's value is computed over the horizon. */
  note?: string;
  unit: 'week' | 'day';
  params: object;
  logLikelihood: number | null;
  spend: SpendReport;
  customers: {
    id: string;
    x: number;
    tx: number;
    T: number;
    pAlive: number | null;
    expectedPurchases: number | null;
    /** Expected value of one future purchase. */
    expectedSpend: number;
    /** Margin × discounted value of the purchases expected over the horizon. */
    clv: number;
  }[];
};

function fitPurchaseModel(options: ValuationOptions, histories: GroupedHistories): { model: PurchaseModel; fit: ModelFit<object> } {
  if (options.model === 'pareto') {
    const fit = fitParetoNbd(histories);
    return { model: paretoNbdModel(fit.params), fit };
  }
  const fit = fitBgnbd(histories);
  return { model: bgnbdModel(fit.params), fit };
}

/** Gamma-Gamma when it can be fitted; otherwise its homogeneous limit, the average repeat purchase, with the reason. */
function spendModel(summaries: CustomerSummary[]): { report: SpendReport; expectedSpend: (summary: CustomerSummary) => number } {
  const average = averageRepeatSpend(summaries);
  try {
    const fit = fitGammaGamma(summaries);
    return {
      report: { model: 'gamma-gamma', params: fit.params, logLikelihood: fit.logLikelihood },
      expectedSpend: (summary) => conditionalExpectedSpend(fit.params, summary, average),
    };
  } catch (error) {
    if (!(error instanceof ClvError)) throw error;
    const why = error.message.replace(/\.$/, '').replace(/^The /, 'the ');
    const reason = `${why} (spend varies no more between customers than within them, e.g. constant prices)`;
    return { report: { model: 'average', reason, params: null, logLikelihood: null }, expectedSpend: () => average };
  }
}

function modelReport(options: ValuationOptions, summaries: CustomerSummary[]): ClvReport {
  const histories = groupHistories(summaries);
  const { model, fit } = fitPurchaseModel(options, histories);
  const spend = spendModel(summaries);
  const schedule = { periods: options.horizon, discountRatePerPeriod: discountRatePerUnit(options.annualDiscount, options.unit), periodLength: 1 };
  const scores = scoreCustomers(model, histories, options.horizon, schedule);
  return {
    model: options.model,
    unit: options.unit,
    params: fit.params,
    logLikelihood: fit.logLikelihood,
    spend: spend.report,
    customers: summaries.map((summary, index) => {
      const expectedSpend = spend.expectedSpend(summary);
      return {
        id: summary.customerId,
        x: summary.x,
        tx: summary.tx,
        T: summary.T,
        pAlive: scores.pAlive[index]!,
        expectedPurchases: scores.expectedPurchases[index]!,
        expectedSpend,
        clv: options.margin * expectedSpend * scores.discountedPurchases![index]!,
      };
    }),
  };
}

function simpleReport(options: ValuationOptions, summaries: CustomerSummary[], reason: string, purchases: readonly Purchase[], until: number): ClvReport {
  const retention = measureRetention(purchases, { calibrationEndDay: until, periodDays: RETENTION_PERIOD_DAYS, reason });
  const discountRatePerPeriod = discountRatePerDays(options.annualDiscount, RETENTION_PERIOD_DAYS);
  const periods = (options.horizon * daysPerUnit(options.unit)) / RETENTION_PERIOD_DAYS;
  const horizon = `${options.horizon}-${options.unit}`;
  return {
    model: 'simple',
    reason,
    note:
      `margin × spend per active quarter × Σ r^k/(1 + d)^k over the ${Number(periods.toFixed(2))} quarters of the ${horizon} horizon ` +
      '(the horizon-limited form of r/(1 + d − r), so it compares with the fitted models)',
    unit: options.unit,
    params: { retentionRate: retention.retentionRate, periodDays: RETENTION_PERIOD_DAYS },
    logLikelihood: null,
    spend: { model: 'customer-average', params: null, logLikelihood: null },
    customers: summaries.map((summary) => ({
      id: summary.customerId,
      x: summary.x,
      tx: summary.tx,
      T: summary.T,
      pAlive: null,
      expectedPurchases: null,
      expectedSpend: retention.spendPerPurchase.get(summary.customerId) ?? 0,
      clv: retentionValueOverHorizon({
        retentionRate: retention.retentionRate,
        valuePerPeriod: retention.spendPerActivePeriod.get(summary.customerId) ?? 0,
        margin: options.margin,
        discountRatePerPeriod,
        periods,
      }),
    })),
  };
}

/**
 * Values every summarized customer: the fitted model's report, or the simple
 * model's when the data are thin or the fit does not converge (with why).
 * `purchases` and `until` (the calibration period's last day) feed the simple
 * model's retention. Throws ClvError for data no model can value.
 */
export function valueCustomers(options: ValuationOptions, summaries: CustomerSummary[], purchases: readonly Purchase[], until: number): ClvReport {
  const thin = thinDataReason(summaries);
  if (thin !== undefined) return simpleReport(options, summaries, thin, purchases, until);
  try {
    return modelReport(options, summaries);
  } catch (error) {
    if (!(error instanceof ClvError) || error.code !== 'FIT_DID_NOT_CONVERGE') throw error;
    return simpleReport(options, summaries, error.message.replace(/\.$/, '').replace(/^The /, 'the '), purchases, until);
  }
}
