import type { Selectable } from 'kysely';
import type { LoyaltyStage } from '../../../shared/insights/loyalty.schemas.ts';

export interface NpsScoreTable {
  id: string;
  contact_id: string;
  score: number;
  scored_on: string;
  comment: string;
  created_at: string;
  deleted_at: string | null;
}
export type NpsScoreRow = Selectable<NpsScoreTable>;

export interface LoyaltyOverrideTable {
  contact_id: string;
  stage: LoyaltyStage;
  reason: string;
  set_at: string;
}

export interface LoyaltyMoveTable {
  id: string;
  contact_id: string;
  moved_at: string;
  /** The user's calendar date of the move: the ladder over time is drawn by it. */
  moved_on: string;
  from_stage: LoyaltyStage | null;
  to_stage: LoyaltyStage | null;
  source: 'rules' | 'override';
  reason: string;
}
export type LoyaltyMoveRow = Selectable<LoyaltyMoveTable>;

/** Derived by the recompute: one row per contact with a purchase or ladder evidence. */
export interface CustomerValueTable {
  contact_id: string;
  computed_at: string;
  first_purchase_on: string | null;
  last_purchase_on: string | null;
  purchases: number;
  historical_cents: number;
  expected_purchases: number | null;
  expected_spend_cents: number | null;
  p_alive: number | null;
  predicted_clv_cents: number;
  tier: 'top' | 'middle' | 'rest' | null;
  /** The stage shown: the override when there is one, else the rules'. */
  stage: LoyaltyStage | null;
  stage_reason: string;
  stage_source: 'rules' | 'override' | null;
}
export type CustomerValueRow = Selectable<CustomerValueTable>;

/** Derived by the recompute: each customer's P&L lines for each period. */
export interface CustomerProfitTable {
  contact_id: string;
  period: 'this_year' | 'last_12_months' | 'all_time';
  revenue_cents: number;
  allowances_cents: number;
  product_cost_cents: number;
  channel_cost_cents: number;
  cost_to_serve_cents: number;
  admin_cost_cents: number;
  profit_cents: number;
  /** The drill-downs' facts of the period (migration 0011): any purchase, a sale or closing, one in the period before. */
  purchased: number;
  bought: number;
  bought_before: number;
  /** Bits of the channels bought through in the period (insights_channels), and of the last eight quarters with a sale or closing (oldest bit 0). */
  channels: number;
  quarters: number;
}
export type CustomerProfitRow = Selectable<CustomerProfitTable>;

/** The last recompute: one row (id 1). `details` is JSON: the fitted parameters and the spend model. */
export interface InsightsRunTable {
  id: number;
  computed_at: string;
  as_of: string;
  model: 'bgnbd' | 'simple' | 'none';
  model_reason: string;
  details: string;
  customers: number;
  duration_ms: number;
}

/** The Insights view's figures for one period, JSON (InsightsOverview without its status), written by the recompute. */
export interface InsightsOverviewTable {
  period: 'this_year' | 'last_12_months' | 'all_time';
  computed_at: string;
  figures: string;
}
