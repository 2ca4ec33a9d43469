import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runClvCommand } from '../../src-main/cli/clv.command.ts';

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
  spend: { params: Record<string, number>; logLikelihood: number };
  customers: { id: string; x: number; tx: number; T: number; pAlive: number; expectedPurchases: number; expectedSpend: number; clv: number }[];
  reason?: string;
};

describe('ambassador clv on the raw CDNOW file', () => {
  it('prints the fitted BG/NBD and Gamma-Gamma and one row per customer as JSON', async () => {
    const { code, stdout, stderr } = await run([...cdnowArgs, '--json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as Report;
    expect(Object.keys(report)).toEqual(['model', 'unit', 'params', 'logLikelihood', 'spend', 'customers']);
    expect(report.model).toBe('bgnbd');
    expect(report.unit).toBe('week');
    expect(report.params.r).toBeCloseTo(0.243, 2);
    expect(report.params.alpha).toBeCloseTo(4.414, 1);
    expect(report.logLikelihood).toBeCloseTo(-9582.4, 0);
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
    // With no discount and margin 1, value cannot exceed spend × expected purchases.
    expect(first.clv).toBeLessThan(first.expectedSpend * first.expectedPurchases);
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
