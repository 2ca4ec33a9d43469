import { stringify } from 'csv-stringify/sync';
import { loyaltyStageNames, clvTierNames } from '../../../shared/insights/insights.labels.ts';
import type { ExportTable, InsightsOverview, ProfitTableRow } from '../../../shared/insights/insights.schemas.ts';
import { guardFormula } from '../transfer/transfer.service.ts';

/** Cents as a decimal amount, 123450 → "1234.50", for spreadsheets in any locale to read as a number. */
export function amount(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const whole = Math.abs(cents);
  return `${sign}${Math.floor(whole / 100)}.${String(whole % 100).padStart(2, '0')}`;
}

/** A share (0–1) as a percentage with one decimal; empty when there is none. */
const percent = (share: number | null) => (share === null ? '' : (share * 100).toFixed(1));

type Overview = Omit<InsightsOverview, 'status'>;

function segmentsTable(overview: Overview): string[][] {
  return [
    ['Segment', 'Customers', 'Average profit', 'Retention rate (%)', 'Customer turnover (%)', 'Customers lost', 'Turnover-adjusted profit', 'Low-profit self-service share (%)'],
    ...overview.segments.map((row) => [
      row.label,
      String(row.customers),
      amount(row.averageProfitCents),
      percent(row.retentionRate),
      percent(row.turnoverRate),
      String(row.lost),
      row.turnoverAdjustedProfitCents === null ? '' : amount(row.turnoverAdjustedProfitCents),
      percent(row.lowProfitSelfServiceShare),
    ]),
  ];
}

function channelsTable(overview: Overview): string[][] {
  return [
    ['Channel', 'Purchases', 'Revenue', 'Channel cost', 'Product cost', 'Cost to serve', 'Profit'],
    ...overview.channels.map((row) => [
      row.channel,
      String(row.purchases),
      amount(row.revenueCents),
      amount(row.channelCostCents),
      amount(row.productCostCents),
      amount(row.costToServeCents),
      amount(row.profitCents),
    ]),
  ];
}

function quartersTable(overview: Overview): string[][] {
  return [
    ['Quarter', 'Revenue', 'Profit', 'Customers who bought', 'Detractors', 'At risk', 'Movable', 'Ambassadors'],
    ...overview.quarters.map((row) => [
      row.quarter,
      amount(row.revenueCents),
      amount(row.profitCents),
      String(row.customers),
      String(row.ladder.detractor),
      String(row.ladder.at_risk),
      String(row.ladder.movable),
      String(row.ladder.ambassador),
    ]),
  ];
}

function customersTable(rows: ProfitTableRow[]): string[][] {
  return [
    ['Name', 'Stage', 'Lifetime value tier', 'Revenue', 'Discounts, allowances and credits', 'Product cost', 'Channel cost', 'Cost to serve', 'Administrative cost', 'Profit', 'Unprofitable', 'Predicted lifetime value'],
    ...rows.map((row) => [
      row.displayName,
      row.stage === null ? '' : loyaltyStageNames[row.stage],
      row.tier === null ? '' : clvTierNames[row.tier],
      amount(row.revenueCents),
      amount(row.allowancesCents),
      amount(row.productCostCents),
      amount(row.channelCostCents),
      amount(row.costToServeCents),
      amount(row.adminCostCents),
      amount(row.profitCents),
      row.unprofitable ? 'yes' : 'no',
      row.predictedClvCents === null ? '' : amount(row.predictedClvCents),
    ]),
  ];
}

/** The chosen table as CSV rows, a header row first in the user's words. */
export function tableRows(table: ExportTable['table'], overview: Overview, customers: ProfitTableRow[]): string[][] {
  if (table === 'segments') return segmentsTable(overview);
  if (table === 'channels') return channelsTable(overview);
  if (table === 'quarters') return quartersTable(overview);
  return customersTable(customers);
}

const plainNumber = /^-?\d+(\.\d+)?$/;

/**
 * CSV as the contact export writes it: CRLF row ends and formula-safe text cells, for Excel.
 * A plain number (a loss, -12.50) is left as it is so the spreadsheet reads it as one; the
 * guard alone covers what csv-stringify's escape_formulas would, which would quote the minus.
 */
export function writeTableCsv(rows: string[][]): string {
  return stringify(
    rows.map((row) => row.map((cell) => (plainNumber.test(cell) ? cell : guardFormula(cell)))),
    { quoted_match: /[\r\n]/, record_delimiter: 'windows' },
  );
}

/** `Ambassador-segments-YYYY-MM-DD.csv`, dated by the user's today. */
export const exportFileName = (table: ExportTable['table'], today: string) => `Ambassador-${table}-${today}.csv`;
