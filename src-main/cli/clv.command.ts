import { readFileSync } from 'node:fs';
import {
  averageRepeatSpend,
  bgnbdModel,
  ClvError,
  conditionalExpectedSpend,
  daysPerUnit,
  discountRatePerDays,
  discountRatePerUnit,
  fitBgnbd,
  fitGammaGamma,
  fitParetoNbd,
  measureRetention,
  paretoNbdModel,
  retentionValueOverHorizon,
  scoreCustomers,
  summarizeCustomers,
  thinDataReason,
} from '../core/insights/clv/index.ts';
import type { CustomerSummary, ModelFit, Purchase, PurchaseModel } from '../core/insights/clv/index.ts';
import { CLV_HELP, OptionError, readClvOptions } from './clv-options.ts';
import type { ClvOptions } from './clv-options.ts';
import { formatClvReport } from './clv-report.ts';
import type { ClvReport, SpendReport } from './clv-report.ts';
import { formatDay, parseTransactions, TransactionsFileError } from './transactions-file.ts';

export type CommandIo = { stdout: (text: string) => void; stderr: (text: string) => void };

/** The simple model measures retention per quarter. */
const RETENTION_PERIOD_DAYS = 91;

function readFile(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as { code?: string }).code;
    const why = code === 'ENOENT' ? 'there is no such file' : code === 'EISDIR' ? 'it is a folder' : (error as Error).message;
    throw new TransactionsFileError(`Cannot read the transactions file “${file}”: ${why}.`);
  }
}

function fitPurchaseModel(options: ClvOptions, summaries: CustomerSummary[]): { model: PurchaseModel; fit: ModelFit<object> } {
  if (options.model === 'pareto') {
    const fit = fitParetoNbd(summaries);
    return { model: paretoNbdModel(fit.params), fit };
  }
  const fit = fitBgnbd(summaries);
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

function modelReport(options: ClvOptions, summaries: CustomerSummary[]): ClvReport {
  const { model, fit } = fitPurchaseModel(options, summaries);
  const spend = spendModel(summaries);
  const schedule = { periods: options.horizon, discountRatePerPeriod: discountRatePerUnit(options.annualDiscount, options.unit), periodLength: 1 };
  const scores = scoreCustomers(model, summaries, options.horizon, schedule);
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

function simpleReport(options: ClvOptions, summaries: CustomerSummary[], reason: string, purchases: Purchase[], until: number): ClvReport {
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

/** The fitted model's report, or the simple model's when the data are thin or the fit does not converge. */
function buildReport(options: ClvOptions, summaries: CustomerSummary[], purchases: Purchase[], until: number): ClvReport {
  const thin = thinDataReason(summaries);
  if (thin !== undefined) return simpleReport(options, summaries, thin, purchases, until);
  try {
    return modelReport(options, summaries);
  } catch (error) {
    if (!(error instanceof ClvError) || error.code !== 'FIT_DID_NOT_CONVERGE') throw error;
    return simpleReport(options, summaries, error.message.replace(/\.$/, '').replace(/^The /, 'the '), purchases, until);
  }
}

function skippedSentence(lines: readonly number[]): string {
  const shown = lines.slice(0, 10).join(', ');
  const more = lines.length > 10 ? ` and ${lines.length - 10} more` : '';
  const rows = lines.length === 1 ? '1 row' : `${lines.length} rows`;
  return `Skipped ${rows} with a negative amount (refunds): line${lines.length === 1 ? '' : 's'} ${shown}${more}.`;
}

function lastDay(purchases: readonly Purchase[]): number {
  // A loop, not Math.max(...days): spreading 100,000+ values overflows the call stack.
  let last = -Infinity;
  for (const purchase of purchases) last = Math.max(last, purchase.day);
  return last;
}

/**
 * `ambassador clv <file> [options]`: reads purchases, fits BG/NBD or Pareto/NBD
 * with Gamma-Gamma spend (or the simple retention model on thin data or when
 * the fit does not converge) and prints each customer's value. Returns 0, or 2
 * with one sentence for a bad file or option or data no model can value.
 */
export async function runClvCommand(args: string[], io: CommandIo): Promise<number> {
  try {
    const options = readClvOptions(args);
    if (options.help) {
      io.stdout(`${CLV_HELP}\n`);
      return 0;
    }
    const { purchases, skipped } = parseTransactions(readFile(options.file), options.layout);
    if (skipped.length > 0) io.stderr(`${skippedSentence(skipped.map((row) => row.line))}\n`);
    const until = options.until ?? lastDay(purchases);
    const summaries = summarizeCustomers(purchases, { calibrationEndDay: until, unit: options.unit });
    if (summaries.length === 0) throw new TransactionsFileError(`No customer bought anything on or before ${formatDay(until)}, the end of the calibration period.`);
    const report = buildReport(options, summaries, purchases, until);
    io.stdout(options.json ? `${JSON.stringify(report)}\n` : formatClvReport(report));
    return 0;
  } catch (error) {
    if (error instanceof OptionError || error instanceof TransactionsFileError) {
      io.stderr(`${error.message}\n`);
      return 2;
    }
    if (error instanceof ClvError) {
      io.stderr(`Customer lifetime value cannot be computed: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}
