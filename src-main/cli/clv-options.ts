import { parseArgs } from 'node:util';
import type { TimeUnit } from '../core/insights/clv/index.ts';
import { DELIMITERS, parseDay } from './transactions-file.ts';
import type { Delimiter, TransactionsLayout } from './transactions-file.ts';

export const CLV_HELP = `Usage: ambassador clv <transactions file> [options]

Fits a customer lifetime value model to a file of purchases (one per line:
customer, date, amount) and prints each customer's value.

Options:
  --customer-col C      customer column: a 1-based number or a header name
  --date-col C          date column (dates as YYYY-MM-DD or YYYYMMDD)
  --amount-col C        amount column
  --no-header           the first line is a purchase, not column names
  --delimiter D         auto (default), ",", ";", tab or whitespace
  --until DATE          end of the calibration period, YYYY-MM-DD or YYYYMMDD
                        (default: the last purchase)
  --unit week|day       time unit of the model (default week)
  --model bgnbd|pareto  purchase model (default bgnbd)
  --horizon N           units ahead for expected purchases and value (default 52 weeks or 365 days)
  --annual-discount R   yearly discount rate (default 0.10)
  --margin M            profit margin as a fraction of spend, 0 to 1 (default 1)
  --json                print one JSON object instead of tables
  --help                show this help

Each customer's columns:
  pAlive             probability the customer is still a customer at the end
                     of the calibration period (– for the simple model)
  expectedPurchases  expected purchases over the horizon (– for the simple model)
  expectedSpend      expected value of one future purchase
  clv                margin × value of the purchases expected over the horizon,
                     discounted at the annual rate; the same horizon for every model

Rows with a negative amount (refunds) are not purchases: they are skipped and
counted on stderr; a $0 order still counts. With fewer than 30 repeat customers, or when
the purchase model does not converge, it uses a simple retention model instead
and says why; when the spend model cannot be fitted (e.g. constant prices) it
uses the average repeat spend and says so.`;

/** A bad option, printed as one sentence; the command exits 2. */
export class OptionError extends Error {}

export type ClvOptions = {
  file: string;
  layout: TransactionsLayout;
  until: number | undefined;
  unit: TimeUnit;
  model: 'bgnbd' | 'pareto';
  horizon: number;
  annualDiscount: number;
  margin: number;
  json: boolean;
};

const STRING_OPTIONS = ['customer-col', 'date-col', 'amount-col', 'delimiter', 'until', 'unit', 'model', 'horizon', 'annual-discount', 'margin'];

/**
 * Joins `--option value` into `--option=value` for options that take a value,
 * so a value that starts with a dash (`--horizon -5`) reaches the validators
 * below instead of node's "argument is ambiguous".
 */
function joinValues(args: readonly string[]): string[] {
  const joined: string[] = [];
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index]!;
    if (arg.startsWith('--') && STRING_OPTIONS.includes(arg.slice(2)) && index + 1 < args.length) {
      joined.push(`${arg}=${args[index + 1]}`);
      index += 1;
    } else joined.push(arg);
  }
  return joined;
}

// Plain decimal numbers only: Number() would also take "0x10", "1e3" and " ".
const WHOLE = /^\d+$/;
const DECIMAL = /^(\d+(\.\d*)?|\.\d+)$/;

function parseHorizon(text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  if (!WHOLE.test(text) || Number(text) === 0) throw new OptionError(`--horizon needs a whole number above 0, not “${text}”.`);
  return Number(text);
}

function parseAnnualDiscount(text: string | undefined): number {
  if (text === undefined) return 0.1;
  if (!DECIMAL.test(text) || Number(text) >= 10) throw new OptionError(`--annual-discount needs a yearly rate such as 0.10, not “${text}”.`);
  return Number(text);
}

function parseMargin(text: string | undefined): number {
  if (text === undefined) return 1;
  if (!DECIMAL.test(text)) throw new OptionError(`--margin needs a fraction of spend between 0 and 1, such as 0.3, not “${text}”.`);
  const value = Number(text);
  if (value > 1) throw new OptionError(`--margin is a fraction of spend: for ${text}% write ${value / 100}.`);
  return value;
}

function parseCommandLine(args: string[]) {
  try {
    return parseArgs({
      args: joinValues(args),
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
}

/** Reads the command line of `ambassador clv`; throws OptionError with one sentence. */
export function readClvOptions(args: string[]): { help: true } | ({ help: false } & ClvOptions) {
  const { values, positionals } = parseCommandLine(args);
  if (values.help) return { help: true };
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
    if (until === undefined) throw new OptionError(`--until needs a date as YYYY-MM-DD or YYYYMMDD, not “${values.until}”.`);
  }
  return {
    help: false,
    file: positionals[0]!,
    layout: {
      customerColumn: values['customer-col'],
      dateColumn: values['date-col'],
      amountColumn: values['amount-col'],
      hasHeader: !values['no-header'],
      delimiter,
    },
    until,
    unit,
    model,
    horizon: parseHorizon(values.horizon, unit === 'week' ? 52 : 365),
    annualDiscount: parseAnnualDiscount(values['annual-discount']),
    margin: parseMargin(values.margin),
    json: values.json,
  };
}
