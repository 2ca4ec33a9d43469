import type { ProfitAndLoss } from '../../../shared/insights/insights.schemas.ts';

type Line = { key: keyof ProfitAndLoss; name: string; definition: string; subtract: boolean };

/** The founding list, top to bottom: revenue, what is taken off it, and what is left. */
export const profitLines: readonly Line[] = [
  { key: 'revenueCents', name: 'Revenue', definition: 'What the customer was charged before discounts, less refunds.', subtract: false },
  { key: 'allowancesCents', name: 'Allowances, credits and discounts', definition: 'Discounts, allowances and credits given on their purchases.', subtract: true },
  { key: 'productCostCents', name: 'Product costs', definition: 'What the products or services they bought cost you.', subtract: true },
  { key: 'channelCostCents', name: 'Channel costs', definition: 'What the channels their purchases came through cost (fees, commissions).', subtract: true },
  { key: 'costToServeCents', name: 'Cost to serve', definition: 'Your time with them (minutes × hourly cost) plus money spent on them, e.g. gifts.', subtract: true },
  { key: 'adminCostCents', name: 'Administrative cost', definition: 'The yearly cost of keeping a customer, from settings, for the days of the period from their first purchase until the active window in settings (a year by default) after their last.', subtract: true },
  { key: 'profitCents', name: 'Customer profit', definition: 'Revenue less every cost above.', subtract: false },
];

/**
 * Name on the left, figure on the right, lined up. Inline until the stylesheet gets a
 * rule for it: app.css is shared with the Insights view being built alongside.
 */
export const figureGrid = { display: 'grid', gridTemplateColumns: '1fr auto', gap: '2px 12px', margin: '8px 0', fontVariantNumeric: 'tabular-nums' } as const;
export const figureValue = { margin: 0, textAlign: 'right' } as const;

export const percent = (share: number) => share.toLocaleString(undefined, { style: 'percent', maximumFractionDigits: 0 });
