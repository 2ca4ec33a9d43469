import type { ClvReport, SpendReport } from '../core/insights/clv/index.ts';

function formatParams(params: object | null): string {
  if (params === null) return '–';
  return Object.entries(params)
    .map(([name, value]) => `${name} ${Number(value).toFixed(4)}`)
    .join(', ');
}

function cell(value: number | null, digits: number): string {
  return value === null ? '–' : value.toFixed(digits);
}

function spendLine(spend: SpendReport): string {
  if (spend.model === 'gamma-gamma') return `Spend (Gamma-Gamma): ${formatParams(spend.params)}; log-likelihood ${cell(spend.logLikelihood, 2)}`;
  const what = spend.model === 'average' ? 'the average repeat purchase for everyone' : "each customer's own average purchase";
  return `Spend: ${what}${spend.reason ? `, because ${spend.reason}` : ''}.`;
}

/** The report as text: the model and its fit first, then one aligned row per customer. */
export function formatClvReport(report: ClvReport): string {
  const names: Record<ClvReport['model'], string> = { bgnbd: 'BG/NBD', pareto: 'Pareto/NBD', simple: 'simple retention' };
  const lines = [`Model: ${names[report.model]} (time unit: ${report.unit})`];
  if (report.reason) lines.push(`Why: ${report.reason}.`);
  lines.push(`Parameters: ${formatParams(report.params)}`);
  if (report.note) lines.push(`Value: ${report.note}.`);
  if (report.logLikelihood !== null) lines.push(`Log-likelihood: ${report.logLikelihood.toFixed(2)}`);
  lines.push(spendLine(report.spend), '');
  const header = ['customer', 'x', 't_x', 'T', 'P(alive)', 'expected purchases', 'expected spend', 'CLV'];
  const rows = report.customers.map((customer) => [
    customer.id,
    String(customer.x),
    customer.tx.toFixed(2),
    customer.T.toFixed(2),
    cell(customer.pAlive, 3),
    cell(customer.expectedPurchases, 3),
    customer.expectedSpend.toFixed(2),
    customer.clv.toFixed(2),
  ]);
  // Loops, not Math.max(...column) or push(...rows): spreading 100,000+ rows overflows the call stack.
  const widths = header.map((title) => title.length);
  for (const row of rows) {
    row.forEach((text, column) => (widths[column] = Math.max(widths[column]!, text.length)));
  }
  const align = (row: string[]) => row.map((text, column) => (column === 0 ? text.padEnd(widths[column]!) : text.padStart(widths[column]!))).join('  ');
  lines.push(align(header));
  for (const row of rows) lines.push(align(row));
  return `${lines.join('\n')}\n`;
}
