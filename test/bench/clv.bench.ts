import { readFileSync } from 'node:fs';
import { parseDay, parseTransactions } from '../../src-main/cli/transactions-file.ts';
import {
  bgnbdModel,
  conditionalExpectedSpend,
  discountRatePerUnit,
  fitBgnbd,
  fitGammaGamma,
  fitParetoNbd,
  paretoNbdModel,
  scoreCustomers,
  seededRandom,
  simulateBgnbdHistories,
  summarizeCustomers,
} from '../../src-main/core/insights/clv/index.ts';
import type { PurchaseHistory, PurchaseModel } from '../../src-main/core/insights/clv/index.ts';
import { median, time } from './timing.ts';

// CLV engine timings: fits and scoring on CDNOW (2,357 customers) and on
// 100,000 customers simulated from the CDNOW BG/NBD. Median of several runs
// after a warm-up. Baseline: a SciPy BG/NBD fit of CDNOW takes about 200 ms.

/** Runs the benchmark and prints its table. */
export async function run(): Promise<void> {
  const text = readFileSync(new URL('../fixtures/cdnow/CDNOW_sample.txt', import.meta.url), 'utf8');
  const purchases = parseTransactions(text, { customerColumn: '2', dateColumn: '3', amountColumn: '5', hasHeader: false, delimiter: 'auto' }).purchases;
  const summaries = summarizeCustomers(purchases, { calibrationEndDay: parseDay('1997-09-30')!, unit: 'week' });
  const bgnbd = fitBgnbd(summaries).params;
  const spend = fitGammaGamma(summaries).params;

  // Scoring as `ambassador clv` does (runClvCommand → scoreCustomers with a
  // discount schedule): P(alive), 52-week expected purchases and discounted
  // purchases per distinct history, then expected spend and CLV per customer.
  const schedule = { periods: 52, discountRatePerPeriod: discountRatePerUnit(0.1, 'week'), periodLength: 1 };
  const scoreWithValue = (model: PurchaseModel, histories: readonly PurchaseHistory[], spendOf: (index: number) => number) => {
    const scores = scoreCustomers(model, histories, 52, schedule);
    let total = 0;
    for (let index = 0; index < histories.length; index += 1) total += spendOf(index) * scores.discountedPurchases![index]!;
    return total;
  };
  const cdnowSpend = (index: number) => conditionalExpectedSpend(spend, summaries[index]!);
  const pareto = fitParetoNbd(summaries).params;

  const simulated = simulateBgnbdHistories(bgnbd, { customers: 100_000, acquisitionDays: 84, calibrationDays: 364, random: seededRandom(7) });
  const simulatedFit = fitBgnbd(simulated).params;

  const medianMs = async (task: () => unknown, repeat: number) => median(await time(task, repeat));
  const rows = [
    { task: 'CDNOW BG/NBD fit', customers: summaries.length, ms: await medianMs(() => fitBgnbd(summaries), 15), target: '< 50 ms (SciPy ≈ 200 ms)' },
    { task: 'CDNOW Pareto/NBD fit', customers: summaries.length, ms: await medianMs(() => fitParetoNbd(summaries), 7), target: '' },
    { task: 'CDNOW Gamma-Gamma fit', customers: 946, ms: await medianMs(() => fitGammaGamma(summaries), 15), target: '' },
    { task: 'CDNOW BG/NBD score + 52-week CLV', customers: summaries.length, ms: await medianMs(() => scoreWithValue(bgnbdModel(bgnbd), summaries, cdnowSpend), 15), target: '' },
    { task: 'CDNOW Pareto/NBD score + 52-week CLV', customers: summaries.length, ms: await medianMs(() => scoreWithValue(paretoNbdModel(pareto), summaries, cdnowSpend), 7), target: '' },
    { task: 'simulated BG/NBD fit', customers: simulated.length, ms: await medianMs(() => fitBgnbd(simulated), 5), target: '' },
    {
      task: 'simulated score + 52-week CLV',
      customers: simulated.length,
      ms: await medianMs(() => scoreWithValue(bgnbdModel(simulatedFit), simulated, () => 40), 5),
      target: '',
    },
  ];
  const fitAndScore = rows[5]!.ms + rows[6]!.ms;
  rows.push({ task: 'simulated fit + score', customers: simulated.length, ms: fitAndScore, target: '< 1000 ms' });
  console.log('\nCLV engine (median ms after a warm-up)');
  console.table(rows.map((row) => ({ ...row, ms: Number(row.ms.toFixed(1)) })));
}
