import { ClvError, thinDataReason, valueCustomers } from './clv/index.ts';
import type { ClvReport, CustomerSummary, Purchase, ValuationOptions } from './clv/index.ts';
import type { BuyingDayRow, PurchaseSummaryRow } from './values.repository.ts';

// Lifetime value in the app: the same engine and decisions as `ambassador clv`
// (valueCustomers), over the purchases of live contacts as of the user's today.
// Amounts go to the engine in currency units (cents / 100), so Gamma-Gamma's
// parameters are the CLI's on the same data.

const DAY_MS = 86_400_000;
/** Weeks, 52 of them: the next 12 months. */
const UNIT = 'week';
const HORIZON_WEEKS = 52;

export type CustomerFigures = {
  contactId: string;
  firstPurchaseOn: string | null;
  lastPurchaseOn: string | null;
  /** Sales and closings. */
  purchases: number;
  /** Distinct days with a sale or closing. */
  purchaseDays: number;
  historicalCents: number;
  expectedPurchases: number | null;
  expectedSpendCents: number | null;
  pAlive: number | null;
  predictedClvCents: number;
  tier: 'top' | 'middle' | 'rest' | null;
};

export type ValuedCustomers = {
  model: 'bgnbd' | 'simple' | 'none';
  reason: string;
  /** The fitted parameters and the spend model, for insights_runs.details. */
  details: Record<string, unknown>;
  customers: CustomerFigures[];
};

/** Day numbers already worked out: a recompute asks for the same few thousand dates hundreds of thousands of times. */
const dayNumbers = new Map<string, number>();
const REMEMBERED_DATES = 100_000;

/** A `YYYY-MM-DD` date as a day number (days since 1970-01-01). */
export function dayNumber(date: string): number {
  let day = dayNumbers.get(date);
  if (day === undefined) {
    day = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
    if (dayNumbers.size >= REMEMBERED_DATES) dayNumbers.clear();
    dayNumbers.set(date, day);
  }
  return day;
}

/** The share of net revenue left after product cost over all these purchases, 0..1; 1 when no product cost is recorded. */
export function observedMargin(rows: readonly PurchaseSummaryRow[]): { margin: number; why: string } {
  const totals = { netCents: 0, productCostCents: 0 };
  for (const row of rows) {
    totals.netCents += row.historical_cents;
    totals.productCostCents += row.product_cost_cents;
  }
  if (totals.productCostCents === 0) return { margin: 1, why: 'margin 100 %: no product cost is recorded' };
  if (totals.netCents <= 0) return { margin: 0, why: 'margin 0 %: no net revenue yet' };
  const margin = Math.min(1, Math.max(0, (totals.netCents - totals.productCostCents) / totals.netCents));
  return { margin, why: `margin ${(margin * 100).toFixed(1)} %: the gross margin observed over all purchases` };
}

type Gathered = { figures: CustomerFigures[]; summaries: CustomerSummary[]; summaryOf: number[] };

/**
 * Per contact: the history, and the (x, t_x, T, mean repeat value) summary of
 * its buying days up to `until`, as summarizeCustomers makes it from the
 * purchases: x the buying days less the first, amounts in currency units.
 */
function gather(rows: readonly PurchaseSummaryRow[], until: number): Gathered {
  const figures: CustomerFigures[] = [];
  const summaries: CustomerSummary[] = [];
  const summaryOf: number[] = [];
  for (const row of rows) {
    if (row.model_days > 0) {
      const first = dayNumber(row.model_first_on!);
      const x = row.model_days - 1;
      const repeatValue = (row.model_net_cents - row.model_first_net_cents) / 100;
      summaryOf[figures.length] = summaries.length;
      summaries.push({ customerId: row.contact_id, x, tx: (dayNumber(row.model_last_on!) - first) / 7, T: (until - first) / 7, meanRepeatValue: x > 0 ? repeatValue / x : 0 });
    }
    figures.push({
      contactId: row.contact_id,
      firstPurchaseOn: row.first_purchase_on,
      lastPurchaseOn: row.last_purchase_on,
      purchases: row.purchases,
      purchaseDays: row.purchase_days,
      historicalCents: row.historical_cents,
      expectedPurchases: null,
      expectedSpendCents: null,
      pAlive: null,
      predictedClvCents: 0,
      tier: null,
    });
  }
  return { figures, summaries, summaryOf };
}

/** The buying days as the engine's purchases, for the simple model's retention. */
function purchasesOf(days: readonly BuyingDayRow[]): Purchase[] {
  return days.map((row) => ({ customerId: row.contact_id, day: dayNumber(row.occurred_on), amount: row.net_cents / 100 }));
}

/**
 * The engine's report. The simple model needs every buying day, the fitted
 * models only the summaries: the days are read only when the data are thin or
 * the fit fails (then the fit runs again with them, and fails again the same way).
 */
async function valueWith(options: ValuationOptions, summaries: CustomerSummary[], until: number, buyingDays: () => Promise<BuyingDayRow[]>): Promise<ClvReport> {
  if (thinDataReason(summaries) === undefined) {
    try {
      return valueCustomers(options, summaries, [], until);
    } catch (error) {
      if (!(error instanceof ClvError)) throw error;
    }
  }
  return valueCustomers(options, summaries, purchasesOf(await buyingDays()), until);
}

/** Top, middle and rest by predicted CLV among customers with a purchase; ties by contact id, so the split is stable. */
function assignTiers(figures: CustomerFigures[], tiers: { topPercent: number; middlePercent: number }): void {
  const customers = figures.filter((figure) => figure.purchaseDays > 0);
  customers.sort((a, b) => b.predictedClvCents - a.predictedClvCents || (a.contactId < b.contactId ? -1 : a.contactId > b.contactId ? 1 : 0));
  const top = Math.round((customers.length * tiers.topPercent) / 100);
  const middle = Math.round((customers.length * (tiers.topPercent + tiers.middlePercent)) / 100);
  customers.forEach((figure, rank) => (figure.tier = rank < top ? 'top' : rank < middle ? 'middle' : 'rest'));
}

function modelReason(report: ClvReport, repeatCustomers: number, customers: number): string {
  if (report.model === 'simple') return `Simple retention model: ${report.reason ?? 'the data are too thin for a fitted model'}`;
  const spend = report.spend.model === 'average' ? `; spend per purchase: the average repeat purchase, because ${report.spend.reason}` : '';
  return `BG/NBD + Gamma-Gamma: ${repeatCustomers.toLocaleString('en')} repeat customers of ${customers.toLocaleString('en')}${spend}`;
}

/**
 * Values every contact in `rows` (one per contact) as of `today`:
 * BG/NBD + Gamma-Gamma with enough data, the simple retention model otherwise,
 * no model when even that cannot be measured; then the CLV tiers (none without a model).
 */
export async function computeCustomerValues(
  rows: readonly PurchaseSummaryRow[],
  today: string,
  options: { annualDiscount: number; margin: { margin: number; why: string }; tiers: { topPercent: number; middlePercent: number } },
  buyingDays: () => Promise<BuyingDayRow[]>,
): Promise<ValuedCustomers> {
  const until = dayNumber(today);
  const { figures, summaries, summaryOf } = gather(rows, until);
  const margin = options.margin.margin;
  let report: ClvReport;
  try {
    if (summaries.length === 0) throw new ClvError('TOO_FEW_CUSTOMERS', 'No customer has bought anything yet.');
    report = await valueWith({ unit: UNIT, model: 'bgnbd', horizon: HORIZON_WEEKS, annualDiscount: options.annualDiscount, margin }, summaries, until, buyingDays);
  } catch (error) {
    if (!(error instanceof ClvError)) throw error;
    // No value is estimated, so no customer is ranked into a tier by it.
    return { model: 'none', reason: `No lifetime value yet: ${error.message.replace(/^(.)/, (c) => c.toLowerCase())}`, details: { margin }, customers: figures };
  }
  figures.forEach((figure, index) => {
    const at = summaryOf[index];
    if (at === undefined) return;
    const valued = report.customers[at]!;
    figure.pAlive = valued.pAlive;
    figure.expectedPurchases = valued.expectedPurchases;
    figure.expectedSpendCents = valued.expectedPurchases === null ? null : Math.round(valued.expectedPurchases * valued.expectedSpend * 100);
    figure.predictedClvCents = Math.round(valued.clv * 100);
  });
  assignTiers(figures, options.tiers);
  const repeat = summaries.filter((summary) => summary.x > 0).length;
  return {
    model: report.model === 'simple' ? 'simple' : 'bgnbd',
    reason: `${modelReason(report, repeat, summaries.length)}; ${options.margin.why}.`,
    details: {
      unit: report.unit,
      horizon: HORIZON_WEEKS,
      annualDiscount: options.annualDiscount,
      margin,
      params: report.params,
      logLikelihood: report.logLikelihood,
      spend: report.spend,
      ...(report.note ? { note: report.note } : {}),
    },
    customers: figures,
  };
}
