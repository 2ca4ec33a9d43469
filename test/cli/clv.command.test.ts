import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runClvCommand } from '../../src-main/cli/clv.command.ts';
import { bgnbdModel, seededRandom } from '../../src-main/core/insights/clv/index.ts';
import type { BgnbdParams } from '../../src-main/core/insights/clv/index.ts';

const cdnow = 'test/fixtures/cdnow/CDNOW_sample.txt';
const cdnowArgs = [cdnow, '--no-header', '--customer-col', '2', '--date-col', '3', '--amount-col', '5', '--until', '1997-09-30'];

async function run(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runClvCommand(args, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
  return { code, stdout, stderr };
}

function tempFile(name: string, content: string): string {
  const folder = mkdtempSync(join(tmpdir(), 'ambassador-clv-'));
  const file = join(folder, name);
  writeFileSync(file, content);
  return file;
}

type Report = {
  model: string;
  unit: string;
  params: Record<string, number>;
  logLikelihood: number;
  spend: { model: string; reason?: string; params: Record<string, number>; logLikelihood: number };
  customers: { id: string; x: number; tx: number; T: number; pAlive: number; expectedPurchases: number; expectedSpend: number; clv: number }[];
  reason?: string;
  note?: string;
};

describe('ambassador clv on the raw CDNOW file', () => {
  it('prints the fitted BG/NBD and Gamma-Gamma and one row per customer as JSON', async () => {
    const { code, stdout, stderr } = await run([...cdnowArgs, '--json']);
    // CDNOW has no refunds; its eight $0 orders are purchases, as in the published analyses.
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as Report;
    expect(Object.keys(report)).toEqual(['model', 'unit', 'params', 'logLikelihood', 'spend', 'customers']);
    expect(report.model).toBe('bgnbd');
    expect(report.unit).toBe('week');
    expect(report.params.r).toBeCloseTo(0.243, 2);
    expect(report.params.alpha).toBeCloseTo(4.414, 1);
    expect(report.logLikelihood).toBeCloseTo(-9582.4, 0);
    expect(report.spend.model).toBe('gamma-gamma');
    expect(report.spend.params.p).toBeCloseTo(6.25, 1);
    expect(report.customers).toHaveLength(2357);
    const first = report.customers[0]!;
    expect(Object.keys(first)).toEqual(['id', 'x', 'tx', 'T', 'pAlive', 'expectedPurchases', 'expectedSpend', 'clv']);
    expect(first).toMatchObject({ id: '0001', x: 2 });
    expect(first.tx).toBeCloseTo(30.43, 2);
    expect(first.T).toBeCloseTo(38.86, 2);
    for (const customer of report.customers) {
      for (const value of [customer.pAlive, customer.expectedPurchases, customer.expectedSpend, customer.clv]) expect(Number.isFinite(value)).toBe(true);
    }
    // By hand: margin 1 × E[spend] × Σ_{w=1..52} ΔE[Y(w)]/(1 + d)^w, with d the weekly rate of 10% a year (a year is 365.25/7 weeks).
    const model = bgnbdModel(report.params as BgnbdParams);
    const weekly = Math.pow(1.1, 7 / 365.25) - 1;
    let discounted = 0;
    for (let week = 1; week <= 52; week += 1) {
      const increment = model.conditionalExpectedPurchases(first, week) - model.conditionalExpectedPurchases(first, week - 1);
      discounted += increment / Math.pow(1 + weekly, week);
    }
    expect(first.clv).toBeCloseTo(first.expectedSpend * discounted, 8);
    expect(first.expectedPurchases).toBeCloseTo(model.conditionalExpectedPurchases(first, 52), 10);
  });

  it('fits the Pareto/NBD in days on request, finding the delimiter by itself', async () => {
    const { code, stdout } = await run([...cdnowArgs, '--model', 'pareto', '--unit', 'day', '--horizon', '30', '--annual-discount', '0.15', '--margin', '0.3', '--json']);
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as Report;
    expect(report.model).toBe('pareto');
    expect(report.unit).toBe('day');
    expect(report.params.alpha).toBeCloseTo(10.578 * 7, 0);
    expect(report.customers[0]!.T).toBe(272);
  });

  it('prints tables by default', async () => {
    const { code, stdout } = await run(cdnowArgs);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Model: BG\/NBD/);
    expect(stdout).toMatch(/Log-likelihood: -9582\.4/);
    expect(stdout).toMatch(/\n0001 +2 +30\.43 +38\.86/);
  });

  it('shows help', async () => {
    const { code, stdout } = await run(['--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/Usage: ambassador clv <transactions file>/);
    for (const field of ['pAlive', 'expectedPurchases', 'expectedSpend', 'clv']) expect(stdout).toMatch(new RegExp(`\\n  ${field} `));
  });
});

describe('headers, names and delimiters', () => {
  const rows = [
    'customer;date;amount',
    'a;2023-06-03;10',
    'a;2023-10-10;12',
    'a;2024-01-10;12',
    'b;2023-09-20;7',
    'b;2023-09-20;3',
    'c;2024-03-01;4',
  ];

  it('finds columns by header name and the semicolon delimiter by itself', async () => {
    const file = tempFile('sales.csv', rows.join('\n'));
    const { code, stdout } = await run([file, '--customer-col', 'Customer', '--date-col', 'date', '--amount-col', 'amount', '--json']);
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as Report;
    // Three customers, one with repeats: too thin to fit, so the simple model says why.
    expect(report.model).toBe('simple');
    expect(report.reason).toMatch(/only 1 customer bought more than once/);
    expect(report.customers.map((customer) => customer.id)).toEqual(['a', 'b', 'c']);
    expect(report.customers[1]!.x).toBe(0);
    expect(report.customers[0]!.clv).toBeGreaterThan(0);
  });

  it('reads tab, comma and whitespace files, with explicit delimiters too', async () => {
    for (const [delimiter, separator] of [['tab', '\t'], [',', ','], ['whitespace', '   ']] as const) {
      const file = tempFile('sales.txt', rows.map((row) => row.replaceAll(';', separator)).join('\r\n'));
      expect((await run([file, '--json'])).code).toBe(0);
      expect((await run([file, '--delimiter', delimiter, '--json'])).code).toBe(0);
    }
  });

  it('reads YYYYMMDD dates and numbered columns without a header', async () => {
    const file = tempFile('plain.csv', '10,x,20230103\n12,x,20230610\n13,x,20231010\n5,y,20230901\n');
    const { code, stdout } = await run([file, '--no-header', '--customer-col', '2', '--date-col', '3', '--amount-col', '1', '--json']);
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as Report).customers[0]).toMatchObject({ id: 'x', x: 2 });
  });
});

describe('bad input: one sentence and exit 2', () => {
  const good = () => tempFile('sales.csv', 'customer,date,amount\na,2024-01-03,10\n');
  const cases: [string, () => string[], RegExp][] = [
    ['a missing file', () => [join(tmpdir(), 'no-such-ambassador-file.csv')], /no such file/],
    ['an empty file', () => [tempFile('empty.csv', '')], /empty/],
    ['a header without rows', () => [tempFile('header.csv', 'customer,date,amount\n')], /no transactions/],
    ['a bad date', () => [tempFile('date.csv', 'customer,date,amount\na,2024-02-30,10\n')], /“2024-02-30” is not a date/],
    ['a non-number amount', () => [tempFile('amount.csv', 'customer,date,amount\na,2024-01-03,ten\n')], /amount “ten” is not a number/],
    ['an unknown option', () => [good(), '--colour'], /Unknown option “--colour”/],
    ['an unknown column', () => [good(), '--amount-col', 'price'], /no column named “price”/],
    ['a column beyond the last', () => [good(), '--amount-col', '9'], /column 9 does not exist/],
    ['a name without a header', () => [good(), '--no-header', '--customer-col', 'customer'], /only be given as numbers/],
    ['a bad --unit', () => [good(), '--unit', 'month'], /--unit must be week or day/],
    ['a bad --model', () => [good(), '--model', 'rfm'], /--model must be bgnbd or pareto/],
    ['a bad --until', () => [good(), '--until', '30/09/1997'], /--until needs a date/],
    ['a bad --horizon', () => [good(), '--horizon', '2.5'], /--horizon needs/],
    ['a negative --horizon', () => [good(), '--horizon', '-5'], /^--horizon needs a whole number above 0, not “-5”\.\n$/],
    ['a hexadecimal --horizon', () => [good(), '--horizon', '0x10'], /--horizon needs a whole number above 0, not “0x10”/],
    ['a margin in percent', () => [good(), '--margin', '30'], /^--margin is a fraction of spend: for 30% write 0\.3\.\n$/],
    ['a negative --margin', () => [good(), '--margin', '-0.3'], /--margin needs a fraction of spend/],
    ['only refunds', () => [tempFile('refunds.csv', 'customer,date,amount\na,2024-01-03,-10\nb,2024-01-04,-2\n')], /every amount is negative \(refunds\)/],
    ['a bad --delimiter', () => [good(), '--delimiter', '|'], /--delimiter must be/],
    ['no file', () => [], /Name the transactions file/],
    ['one customer', () => [good()], /at least 2 customers/],
  ];
  for (const [name, args, message] of cases) {
    it(name, async () => {
      const { code, stdout, stderr } = await run(args());
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toMatch(message);
      expect(stderr.trim().split('\n')).toHaveLength(1);
    });
  }
});

/** Purchases as CSV lines, from a seeded simulation: each customer buys at their own rate until they leave. */
function simulatedRows(customers: number, options: { seed: number; amount: (customer: number) => string; sharedDropout?: number }): string[] {
  const random = seededRandom(options.seed);
  const exponential = () => -Math.log(1 - random());
  const start = Date.UTC(2022, 0, 1) / 86_400_000;
  const rows: string[] = [];
  for (let customer = 0; customer < customers; customer += 1) {
    const rate = (exponential() + exponential()) / 70;
    const first = start + Math.floor(84 * random());
    const leaves = first + exponential() / (options.sharedDropout ?? 0.001 + 0.01 * random());
    for (let day = first; day <= Math.min(leaves, start + 448); day += Math.max(1, Math.round(exponential() / rate))) {
      rows.push(`c${customer},${new Date(day * 86_400_000).toISOString().slice(0, 10)},${options.amount(customer)}`);
    }
  }
  return rows;
}

describe('files as shops write them', () => {
  const plain = ['customer,date,amount', 'Smith A,2023-06-03,10', 'Smith A,2023-10-10,12', 'Jones B,2023-09-20,7', 'Jones B,2024-01-10,3', 'Lee C,2024-03-01,4'];

  it('reads a BOM, CRLF line ends, quoted names with commas and rows in any order like the plain file', async () => {
    const expected = JSON.parse((await run([tempFile('plain.csv', plain.join('\n')), '--json'])).stdout) as Report;
    const quoted = plain.map((row, index) => (index === 0 ? row : row.replace(/^(\w+) (\w)/, '"$1, $2"')));
    const shuffled = [quoted[0]!, quoted[5]!, quoted[3]!, quoted[1]!, quoted[4]!, quoted[2]!];
    const { code, stdout } = await run([tempFile('excel.csv', `\uFEFF${shuffled.join('\r\n')}\r\n`), '--json']);
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as Report;
    expect(report.customers.map((customer) => customer.id).sort()).toEqual(['Jones, B', 'Lee, C', 'Smith, A']);
    const byId = new Map(report.customers.map((customer) => [customer.id.replace(', ', ' '), customer]));
    for (const customer of expected.customers) expect(byId.get(customer.id)).toEqual({ ...customer, id: byId.get(customer.id)!.id });
  });

  it('skips refunds, saying which lines on one stderr line, and counts a $0 order as a purchase', async () => {
    const file = tempFile('refunds.csv', ['customer,date,amount', 'a,2023-01-05,10', 'a,2023-04-10,-10', 'a,2023-07-10,0', 'b,2023-01-06,20', 'b,2023-03-01,20', 'b,2023-04-11,20', 'c,2023-05-01,5'].join('\n'));
    const { code, stdout, stderr } = await run([file, '--json']);
    expect(code).toBe(0);
    expect(stderr).toBe('Skipped 1 row with a negative amount (refunds): line 3.\n');
    expect((JSON.parse(stdout) as Report).customers.find((customer) => customer.id === 'a')!.x).toBe(1);
  });

  it('accepts --until as YYYYMMDD, like the dates in the file', async () => {
    const file = tempFile('sales.csv', plain.join('\n'));
    const dashed = await run([file, '--until', '2024-01-31', '--json']);
    const compact = await run([file, '--until', '20240131', '--json']);
    expect(compact.code).toBe(0);
    expect(compact.stdout).toBe(dashed.stdout);
  });

  it('handles 200,000 rows (no spread of a whole column into Math.max)', async () => {
    const rows = simulatedRows(40_000, { seed: 3, amount: (customer) => String(5 + (customer % 40)) }).slice(0, 200_000);
    expect(rows).toHaveLength(200_000);
    const file = tempFile('big.csv', ['customer,date,amount', ...rows].join('\n'));
    const text = await run([file]);
    expect(text.stderr).toBe('');
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^Model: BG\/NBD/);
    expect(text.stdout.split('\n').length).toBeGreaterThan(30_000);
  });
});

describe('falling back instead of failing', () => {
  it('uses the average repeat spend when every purchase costs the same, and says so', async () => {
    const file = tempFile('constant.csv', ['customer,date,amount', ...simulatedRows(400, { seed: 5, amount: () => '10' })].join('\n'));
    const { code, stdout } = await run([file, '--json']);
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as Report;
    expect(report.model).toBe('bgnbd');
    expect(report.spend).toMatchObject({ model: 'average', params: null, logLikelihood: null });
    expect(report.spend.reason).toMatch(/Gamma-Gamma spend model did not converge/);
    for (const customer of report.customers) expect(customer.expectedSpend).toBe(10);
    expect((await run([file])).stdout).toMatch(/\nSpend: the average repeat purchase for everyone, because /);
  });

  it('uses the simple model with the reason when the Pareto/NBD does not converge', async () => {
    const rows = simulatedRows(500, { seed: 3, amount: (customer) => String(5 + (customer % 40)), sharedDropout: 0.003 });
    const { code, stdout } = await run([tempFile('shared-dropout.csv', ['customer,date,amount', ...rows].join('\n')), '--model', 'pareto', '--json']);
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as Report;
    expect(report.model).toBe('simple');
    expect(report.reason).toMatch(/^the Pareto\/NBD model did not converge/);
    for (const customer of report.customers) expect(Number.isFinite(customer.clv)).toBe(true);
  });

  it('keeps the simple model finite at full retention with no discount: value over the horizon, spend per purchase', async () => {
    const rows = ['customer,date,amount', 'a,2023-01-05,10', 'a,2023-04-10,10', 'a,2023-07-10,10', 'a,2023-10-10,10', 'b,2023-01-06,20', 'b,2023-04-11,20', 'b,2023-07-11,20', 'b,2023-10-11,20'];
    const { code, stdout } = await run([tempFile('loyal.csv', rows.join('\n')), '--annual-discount', '0', '--margin', '0.5', '--json']);
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as Report;
    expect(report.params.retentionRate).toBe(1);
    expect(report.note).toMatch(/over the 4 quarters of the 52-week horizon/);
    // One purchase per quarter kept for all 4 quarters of 52 weeks (= 364 days = 4 × 91).
    expect(report.customers.map((customer) => [customer.expectedSpend, customer.clv])).toEqual([[10, 20], [20, 40]]);
  });
});
