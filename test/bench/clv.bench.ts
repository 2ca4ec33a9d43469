import { readFileSync } from 'node:fs';
import { parseDay, parseTransactions } from '../../src-main/cli/transactions-file.ts';
import {
  bgnbdModel,
  conditionalExpectedSpend,
  discountedLifetimeValue,
  discountRatePerUnit,
  fitBgnbd,
  fitGammaGamma,
  fitParetoNbd,
  scoreCustomers,
  seededRandom,
  simulateBgnbdHistories,
  summarizeCustomers,
} from '../../src-main/core/insights/index.ts';

// CLV engine timings: fits and scoring on CDNOW (2,357 customers) and on
// 100,000 customers simulated from the CDNOW BG/NBD. Median of several runs
// after a warm-up. Baseline: a SciPy BG/NBD fit of CDNOW takes about 200 ms.

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function time(run: () => unknown, repeat: number): number {
  run();
  const times: number[] = [];
  for (let index = 0; index < repeat; index += 1) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  return median(times);
}

/** Runs the benchmark and prints its table. */
export async function run(): Promise<void> {
  const text = readFileSync(new URL('../fixtures/cdnow/CDNOW_sample.txt', import.meta.url), 'utf8');
  const purchases = parseTransactions(text, { customerColumn: '2', dateColumn: '3', amountColumn: '5', hasHeader: false, delimiter: 'auto' });
  const summaries = summarizeCustomers(purchases, { calibrationEndDay: parseDay('1997-09-30')!, unit: 'week' });
  const bgnbd = fitBgnbd(summaries).params;
  const spend = fitGammaGamma(summaries).params;
  const weeklyDiscount = discountRatePerUnit(0.1, 'week');

  // Scoring as `ambassador clv` does: P(alive), 52-week expected purchases, expected spend and 52-week CLV.
  const scoreWithValue = () => {
    const model = bgnbdModel(bgnbd);
    for (const summary of summaries) {
      model.probabilityAlive(summary);
      model.conditionalExpectedPurchases(summary, 52);
      const valuePerPurchase = conditionalExpectedSpend(spend, summary);
      discountedLifetimeValue(model, summary, { valuePerPurchase, margin: 1, periods: 52, discountRatePerPeriod: weeklyDiscount, periodLength: 1 });
    }
  };

  const simulated = simulateBgnbdHistories(bgnbd, { customers: 100_000, acquisitionDays: 84, calibrationDays: 364, random: seededRandom(7) });
  const simulatedFit = fitBgnbd(simulated).params;

  const rows = [
    { task: 'CDNOW BG/NBD fit', customers: summaries.length, ms: time(() => fitBgnbd(summaries), 15), target: '< 50 ms (SciPy ≈ 200 ms)' },
    { task: 'CDNOW Pareto/NBD fit', customers: summaries.length, ms: time(() => fitParetoNbd(summaries), 7), target: '' },
    { task: 'CDNOW Gamma-Gamma fit', customers: 946, ms: time(() => fitGammaGamma(summaries), 15), target: '' },
    { task: 'CDNOW score: P(alive), E[Y(52)]', customers: summaries.length, ms: time(() => scoreCustomers(bgnbdModel(bgnbd), summaries, 52), 15), target: '' },
    { task: 'CDNOW score + spend + 52-week CLV', customers: summaries.length, ms: time(scoreWithValue, 7), target: '' },
    { task: 'simulated BG/NBD fit', customers: simulated.length, ms: time(() => fitBgnbd(simulated), 5), target: '' },
    { task: 'simulated score: P(alive), E[Y(52)]', customers: simulated.length, ms: time(() => scoreCustomers(bgnbdModel(simulatedFit), simulated, 52), 5), target: '' },
  ];
  const fitAndScore = rows[5]!.ms + rows[6]!.ms;
  rows.push({ task: 'simulated fit + score', customers: simulated.length, ms: fitAndScore, target: '< 1000 ms' });
  console.log('\nCLV engine (median ms after a warm-up)');
  console.table(rows.map((row) => ({ ...row, ms: Number(row.ms.toFixed(1)) })));
}
