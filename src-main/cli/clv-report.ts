/** What `ambassador clv --json` prints. */
export type ClvReport = {
  model: 'bgnbd' | 'pareto' | 'simple';
  /** Why the simple model was used instead of a fitted one. */
  reason?: string;
  unit: 'week' | 'day';
  params: object;
  logLikelihood: number | null;
  spend: { params: object | null; logLikelihood: number | null };
  customers: {
    id: string;
    x: number;
    tx: number;
    T: number;
    pAlive: number | null;
    expectedPurchases: number | null;
    expectedSpend: number;
    clv: number;
  }[];
};

function formatParams(params: object | null): string {
  if (params === null) return '–';
  return Object.entries(params)
    .map(([name, value]) => `${name} ${Number(value).toFixed(4)}`)
    .join(', ');
}

function cell(value: number | null, digits: number): string {
  return value === null ? '–' : value.toFixed(digits);
}

/** The report as text: the model and its fit first, then one aligned row per customer. */
export function formatClvReport(report: ClvReport): string {
  const names: Record<ClvReport['model'], string> = { bgnbd: 'BG/NBD', pareto: 'Pareto/NBD', simple: 'simple retention' };
  const lines = [`Model: ${names[report.model]} (time unit: ${report.unit})`];
  if (report.reason) lines.push(`Why: ${report.reason}.`);
  lines.push(`Parameters: ${formatParams(report.params)}`);
  if (report.logLikelihood !== null) lines.push(`Log-likelihood: ${report.logLikelihood.toFixed(2)}`);
  if (report.spend.params !== null) {
    lines.push(`Spend (Gamma-Gamma): ${formatParams(report.spend.params)}; log-likelihood ${cell(report.spend.logLikelihood, 2)}`);
  }
  lines.push('');
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
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const align = (row: string[]) => row.map((text, column) => (column === 0 ? text.padEnd(widths[column]!) : text.padStart(widths[column]!))).join('  ');
  lines.push(align(header), ...rows.map(align));
  return `${lines.join('\n')}\n`;
}
