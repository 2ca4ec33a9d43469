import type { ClvTier, DrillDown } from '../../../shared/insights/insights.schemas.ts';
import { clvTierNames, loyaltyStageNames } from '../../../shared/insights/insights.labels.ts';
import type { LoyaltyStage } from '../../../shared/insights/loyalty.schemas.ts';
import { formatWholeCurrency } from './currency-format.ts';

export const ladderStages: readonly LoyaltyStage[] = ['detractor', 'at_risk', 'movable', 'ambassador'];
export const clvTiers: readonly ClvTier[] = ['top', 'middle', 'rest'];

/** One colour per rung, calm to strong, readable beside its name (the name always shows too). */
export const stageColours: Record<LoyaltyStage, string> = { detractor: '#b3261e', at_risk: '#c98a1b', movable: '#7a9cc6', ambassador: '#2f6f5e' };

/** "42%" from 0.42; a dash when there is nothing to measure. */
export function percent(share: number | null): string {
  return share === null ? '—' : `${Math.round(share * 100)}%`;
}

export function customersWord(count: number): string {
  return `${count.toLocaleString()} ${count === 1 ? 'customer' : 'customers'}`;
}

/** "$0 to $100", "$1,000 and more": a CLV bin's range. */
export function binRange(fromCents: number, toCents: number | null, currency: string): string {
  return toCents === null
    ? `${formatWholeCurrency(fromCents, currency)} and more`
    : `${formatWholeCurrency(fromCents, currency)} to ${formatWholeCurrency(toCents, currency)}`;
}

/** What a drill-down lists, in words: the panel says "Customers: <this>". */
export function drillWords(drill: DrillDown, currency: string, segmentLabel = ''): string {
  switch (drill.by) {
    case 'stage':
      return loyaltyStageNames[drill.stage];
    case 'tier':
      return clvTierNames[drill.tier];
    case 'clv':
      return `lifetime value ${binRange(drill.fromCents, drill.toCents, currency)}`;
    case 'channel':
      // The core's key for customers who bought nothing in the period starts with a space: no channel name can.
      return drill.channel.startsWith(' ') ? 'no purchase in the period' : `bought through ${drill.channel || 'an unknown channel'}`;
    case 'quarter':
      return `bought in ${drill.quarter}`;
    case 'lost':
      return `lost from ${segmentLabel || drill.segment}`;
    case 'unprofitable':
      return 'unprofitable';
  }
}

/** Each segment metric's one-line definition: shown beside the table and on its column's hover. */
export const metricDefinitions = {
  customers: 'Customers in the segment with a purchase or a stage.',
  averageProfit: 'Profit per customer for the period: revenue less discounts, product, channel, service and admin costs.',
  retention: 'Of the customers who bought in the period before, the share who bought again in this one.',
  turnoverAdjustedProfit: 'Average profit × retention rate: what a customer is worth once you count the ones who leave.',
  turnover: 'Customers lost in the period (bought in the period before, not in this one), as a share of those who bought before.',
  selfService: 'Of the low-profit customers’ interactions in the period, the share that went through self-service.',
} as const;
