import { readFileSync } from 'node:fs';
import { ClvError, summarizeCustomers, valueCustomers } from '../core/insights/clv/index.ts';
import type { Purchase } from '../core/insights/clv/index.ts';
import { CLV_HELP, OptionError, readClvOptions } from './clv-options.ts';
import { formatClvReport } from './clv-report.ts';
import { formatDay, parseTransactions, TransactionsFileError } from './transactions-file.ts';

export type CommandIo = { stdout: (text: string) => void; stderr: (text: string) => void };

function readFile(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as { code?: string }).code;
    const why = code === 'ENOENT' ? 'there is no such file' : code === 'EISDIR' ? 'it is a folder' : (error as Error).message;
    throw new TransactionsFileError(`Cannot read the transactions file “${file}”: ${why}.`);
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
    const report = valueCustomers(options, summaries, purchases, until);
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
