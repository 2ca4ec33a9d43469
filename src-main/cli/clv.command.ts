import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  bgnbdModel,
  ClvError,
  conditionalExpectedSpend,
  discountedLifetimeValue,
  discountRatePerUnit,
  fitBgnbd,
  fitGammaGamma,
  fitParetoNbd,
  measureRetention,
  paretoNbdModel,
  retentionLifetimeValue,
  summarizeCustomers,
  thinDataReason,
} from '../core/insights/index.ts';
import type { CustomerSummary, ModelFit, Purchase, PurchaseModel, TimeUnit } from '../core/insights/index.ts';
import { DELIMITERS, formatDay, parseDay, parseTransactions, TransactionsFileError } from './transactions-file.ts';
import type { Delimiter } from './transactions-file.ts';
import { formatClvReport } from './clv-report.ts';
import type { ClvReport } from './clv-report.ts';

export type CommandIo = { stdout: (text: string) => void; stderr: (text: string) => void };

const HELP = `Usage: ambassador clv <transactions file> [options]

Fits a customer lifetime value model to a file of purchases (one per line:
customer, date, amount) and prints each customer's value.

Options:
  --customer-col C      customer column: a 1-based number or a header name
  --date-col C          date column (dates as YYYY-MM-DD or YYYYMMDD)
  --amount-col C        amount column
  --no-header           the first line is a purchase, not column names
  --delimiter D         auto (default), ",", ";", tab or whitespace
  --until YYYY-MM-DD    end of the calibration period (default: the last purchase)
  --unit week|day       time unit of the model (default week)
  --model bgnbd|pareto  purchase model (default bgnbd)
  --horizon N           units ahead for expected purchases and value (default 52 weeks or 365 days)
  --annual-discount R   yearly discount rate (default 0.10)
  --margin M            profit margin on spend (default 1)
  --json                print one JSON object instead of tables
  --help                show this help

With fewer than 30 repeat customers it uses a simple retention model instead
and says why.`;

/** A bad option, printed as one sentence; the command exits 2. */
class OptionError extends Error {}

/** The simple model measures retention per quarter. */
const RETENTION_PERIOD_DAYS = 91;

function parseNumber(option: string, text: string | undefined, fallback: number, valid: (value: number) => boolean, what: string): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || !valid(value)) throw new OptionError(`${option} needs ${what}, not “${text}”.`);
  return value;
}

function readOptions(args: string[]) {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        'customer-col': { type: 'string' },
        'date-col': { type: 'string' },
        'amount-col': { type: 'string' },
        'no-header': { type: 'boolean', default: false },
        delimiter: { type: 'string', default: 'auto' },
        until: { type: 'string' },
        unit: { type: 'string', default: 'week' },
        model: { type: 'string', default: 'bgnbd' },
        horizon: { type: 'string' },
        'annual-discount': { type: 'string' },
        margin: { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    const message = (error as Error).message;
    const unknown = /Unknown option '([^']+)'/.exec(message);
    if (unknown) throw new OptionError(`Unknown option “${unknown[1]}”; run ambassador clv --help to see the options.`);
    throw new OptionError(`${message.split('\n')[0]!.replace(/\.?$/, '')}; run ambassador clv --help to see the options.`);
  }
  const { values, positionals } = parsed;
  if (values.help) return { help: true as const };
  if (positionals.length !== 1) {
    throw new OptionError(positionals.length === 0 ? 'Name the transactions file: ambassador clv <file> [options].' : `Give one transactions file, not ${positionals.length}.`);
  }
  const unit = values.unit;
  if (unit !== 'week' && unit !== 'day') throw new OptionError(`--unit must be week or day, not “${unit}”.`);
  const model = values.model;
  if (model !== 'bgnbd' && model !== 'pareto') throw new OptionError(`--model must be bgnbd or pareto, not “${model}”.`);
  const delimiter = values.delimiter as Delimiter;
  if (!DELIMITERS.includes(delimiter)) throw new OptionError(`--delimiter must be auto, ",", ";", tab or whitespace, not “${values.delimiter}”.`);
  let until: number | undefined;
  if (values.until !== undefined) {
    until = parseDay(values.until);
    if (until === undefined || values.until.trim().length !== 10) throw new OptionError(`--until needs a date as YYYY-MM-DD, not “${values.until}”.`);
  }
  return {
    help: false as const,
    file: positionals[0]!,
    layout: {
      customerColumn: values['customer-col'],
      dateColumn: values['date-col'],
      amountColumn: values['amount-col'],
      hasHeader: !values['no-header'],
      delimiter,
    },
    until,
    unit: unit as TimeUnit,
    model: model as 'bgnbd' | 'pareto',
    horizon: parseNumber('--horizon', values.horizon, unit === 'week' ? 52 : 365, (v) => Number.isInteger(v) && v > 0, 'a whole number of units above 0'),
    annualDiscount: parseNumber('--annual-discount', values['annual-discount'], 0.1, (v) => v >= 0 && v < 10, 'a rate such as 0.10'),
    margin: parseNumber('--margin', values.margin, 1, (v) => v >= 0, 'a margin such as 0.3'),
    json: values.json,
  };
}

type Options = Exclude<ReturnType<typeof readOptions>, { help: true }>;

function readFile(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as { code?: string }).code;
    const why = code === 'ENOENT' ? 'there is no such file' : code === 'EISDIR' ? 'it is a folder' : (error as Error).message;
    throw new TransactionsFileError(`Cannot read the transactions file “${file}”: ${why}.`);
  }
}

function fitPurchaseModel(options: Options, summaries: CustomerSummary[]): { model: PurchaseModel; fit: ModelFit<object> } {
  if (options.model === 'pareto') {
    const fit = fitParetoNbd(summaries);
    return { model: paretoNbdModel(fit.params), fit };
  }
  const fit = fitBgnbd(summaries);
  return { model: bgnbdModel(fit.params), fit };
}

function modelReport(options: Options, summaries: CustomerSummary[]): ClvReport {
  const { model, fit } = fitPurchaseModel(options, summaries);
  const spend = fitGammaGamma(summaries);
  const perUnit = discountRatePerUnit(options.annualDiscount, options.unit);
  let meanSpend = 0;
  let spenders = 0;
  for (const summary of summaries) {
    if (summary.x > 0) {
      meanSpend += summary.meanRepeatValue;
      spenders += 1;
    }
  }
  meanSpend /= Math.max(spenders, 1);
  return {
    model: options.model,
    unit: options.unit,
    params: fit.params,
    logLikelihood: fit.logLikelihood,
    spend: { params: spend.params, logLikelihood: spend.logLikelihood },
    customers: summaries.map((summary) => {
      const expectedSpend = conditionalExpectedSpend(spend.params, summary, meanSpend);
      return {
        id: summary.customerId,
        x: summary.x,
        tx: summary.tx,
        T: summary.T,
        pAlive: model.probabilityAlive(summary),
        expectedPurchases: model.conditionalExpectedPurchases(summary, options.horizon),
        expectedSpend,
        clv: discountedLifetimeValue(model, summary, {
          valuePerPurchase: expectedSpend,
          margin: options.margin,
          periods: options.horizon,
          discountRatePerPeriod: perUnit,
          periodLength: 1,
        }),
      };
    }),
  };
}

function simpleReport(options: Options, summaries: CustomerSummary[], reason: string, purchases: Purchase[], until: number): ClvReport {
  const retention = measureRetention(purchases, { calibrationEndDay: until, periodDays: RETENTION_PERIOD_DAYS, reason });
  const perPeriod = Math.pow(1 + options.annualDiscount, RETENTION_PERIOD_DAYS / 365) - 1;
  return {
    model: 'simple',
    reason,
    unit: options.unit,
    params: { retentionRate: retention.retentionRate, periodDays: RETENTION_PERIOD_DAYS },
    logLikelihood: null,
    spend: { params: null, logLikelihood: null },
    customers: summaries.map((summary) => {
      const valuePerPeriod = retention.spendPerActivePeriod.get(summary.customerId) ?? 0;
      return {
        id: summary.customerId,
        x: summary.x,
        tx: summary.tx,
        T: summary.T,
        pAlive: null,
        expectedPurchases: null,
        expectedSpend: valuePerPeriod,
        clv: retentionLifetimeValue({ retentionRate: retention.retentionRate, valuePerPeriod, margin: options.margin, discountRatePerPeriod: perPeriod }),
      };
    }),
  };
}

/**
 * `ambassador clv <file> [options]`: reads purchases, fits BG/NBD or Pareto/NBD
 * with Gamma-Gamma spend (or the simple retention model on thin data) and
 * prints each customer's value. Returns 0, 2 for a bad file or option, 1 when
 * the model cannot be fitted.
 */
export async function runClvCommand(args: string[], io: CommandIo): Promise<number> {
  let options: Options;
  try {
    const read = readOptions(args);
    if (read.help) {
      io.stdout(`${HELP}\n`);
      return 0;
    }
    options = read;
    const purchases = parseTransactions(readFile(options.file), options.layout);
    const until = options.until ?? Math.max(...purchases.map((purchase) => purchase.day));
    const summaries = summarizeCustomers(purchases, { calibrationEndDay: until, unit: options.unit });
    if (summaries.length === 0) throw new TransactionsFileError(`No customer bought anything on or before ${formatDay(until)}, the end of the calibration period.`);
    const reason = thinDataReason(summaries);
    const report = reason === undefined ? modelReport(options, summaries) : simpleReport(options, summaries, reason, purchases, until);
    io.stdout(options.json ? `${JSON.stringify(report)}\n` : formatClvReport(report));
    return 0;
  } catch (error) {
    if (error instanceof OptionError || error instanceof TransactionsFileError) {
      io.stderr(`${error.message}\n`);
      return 2;
    }
    if (error instanceof ClvError) {
      io.stderr(`Customer lifetime value cannot be computed: ${error.message}\n`);
      return error.code === 'FIT_DID_NOT_CONVERGE' ? 1 : 2;
    }
    throw error;
  }
}
