import type { PurchaseHistory } from './customer-groups.ts';
import { daysPerUnit } from './customer-summary.ts';
import type { TimeUnit } from './customer-summary.ts';
import type { PurchaseModel } from './purchase-model.ts';

/** A calendar year in days: the mean Gregorian year, so a year is 365.25/7 ≈ 52.18 weeks, not 52. */
export const DAYS_PER_YEAR = 365.25;

/** The per-period rate equivalent to an annual discount rate, for periods of `days` days. */
export function discountRatePerDays(annualRate: number, days: number): number {
  return Math.pow(1 + annualRate, days / DAYS_PER_YEAR) - 1;
}

/** The per-unit rate equivalent to an annual discount rate (a unit is a week or a day). */
export function discountRatePerUnit(annualRate: number, unit: TimeUnit): number {
  return discountRatePerDays(annualRate, daysPerUnit(unit));
}

/** How to discount a horizon: `periods` periods of `periodLength` model units, each discounted by (1 + d)^m. */
export type DiscountSchedule = { periods: number; discountRatePerPeriod: number; periodLength: number };

/**
 * The times and weights that turn a discount schedule into Σₖ wₖ·E[Y(tₖ)]:
 * Σₘ (E[Y(m·L)] − E[Y((m−1)·L)]) / (1 + d)^m for m = 1 … periods, summed by
 * parts, is Σₘ E[Y(m·L)]·(Dₘ − Dₘ₊₁) for m < periods plus E[Y(periods·L)]·D_periods,
 * with Dₘ = (1 + d)^−m and Dₘ − Dₘ₊₁ = Dₘ·d/(1 + d).
 */
export function discountWeights(schedule: DiscountSchedule): { times: Float64Array; weights: Float64Array } {
  const { periods, discountRatePerPeriod, periodLength } = schedule;
  const count = Math.max(0, Math.floor(periods));
  const times = new Float64Array(count);
  const weights = new Float64Array(count);
  let discount = 1;
  for (let period = 1; period <= count; period += 1) {
    discount /= 1 + discountRatePerPeriod;
    times[period - 1] = period * periodLength;
    weights[period - 1] = period === count ? discount : (discount * discountRatePerPeriod) / (1 + discountRatePerPeriod);
  }
  return { times, weights };
}

/**
 * Discounted expected purchases: Σₘ (E[Y(m·L)] − E[Y((m−1)·L)]) / (1 + d)^m for
 * m = 1 … periods, as P(alive) (computed here, or passed in by a caller that
 * has it) times the same sum of E[Y | alive].
 */
export function discountedExpectedPurchases(
  model: PurchaseModel,
  history: PurchaseHistory,
  schedule: DiscountSchedule,
  pAlive = model.probabilityAlive(history),
): number {
  const { times, weights } = discountWeights(schedule);
  return pAlive * model.forecastIfAlive(Float64Array.of(history.x), Float64Array.of(history.T), times, weights)[0]!;
}

/**
 * Discounted value of a customer's expected future purchases: period m brings
 * E[Y(m·L)] − E[Y((m−1)·L)] purchases of `valuePerPurchase` each, at margin
 * `margin`, discounted by (1 + d)^m, for m = 1 … periods (L = `periodLength`,
 * in the model's time unit).
 */
export function discountedLifetimeValue(
  model: PurchaseModel,
  history: PurchaseHistory,
  options: DiscountSchedule & { valuePerPurchase: number; margin: number },
): number {
  return options.margin * options.valuePerPurchase * discountedExpectedPurchases(model, history, options);
}

// Gauss–Legendre nodes and weights on (0, 1), computed once by Newton's method.
function gaussLegendre(order: number): { nodes: Float64Array; weights: Float64Array } {
  const nodes = new Float64Array(order);
  const weights = new Float64Array(order);
  for (let index = 0; index < order; index += 1) {
    let root = Math.cos((Math.PI * (index + 0.75)) / (order + 0.5));
    let derivative = 0;
    for (let step = 0; step < 100; step += 1) {
      let current = 1;
      let before = 0;
      for (let degree = 1; degree <= order; degree += 1) {
        const older = before;
        before = current;
        current = ((2 * degree - 1) * root * before - (degree - 1) * older) / degree;
      }
      derivative = (order * (root * current - before)) / (root * root - 1);
      const move = current / derivative;
      root -= move;
      if (Math.abs(move) < 1e-15) break;
    }
    nodes[index] = (1 - root) / 2;
    weights[index] = 1 / ((1 - root * root) * derivative * derivative);
  }
  return { nodes, weights };
}

const PANELS = 8;
const QUADRATURE = gaussLegendre(24);

/**
 * Discounted expected residual transactions with continuous discounting at
 * rate δ per unit: DERT = ∫₀^∞ e^(−δt) dE[Y(t)] = ∫₀¹ E[Y(−ln u / δ)] du.
 * Computed by quadrature for either model (Fader, Hardie & Lee 2005 give a
 * closed form with a confluent hypergeometric function for the Pareto/NBD only);
 * u = v² removes the logarithmic growth at u → 0.
 */
export function discountedExpectedResidualTransactions(model: PurchaseModel, history: PurchaseHistory, continuousRate: number): number {
  let total = 0;
  for (let panel = 0; panel < PANELS; panel += 1) {
    for (let index = 0; index < QUADRATURE.nodes.length; index += 1) {
      const v = (panel + QUADRATURE.nodes[index]!) / PANELS;
      const u = v * v;
      const t = -Math.log(u) / continuousRate;
      total += (QUADRATURE.weights[index]! / PANELS) * 2 * v * model.conditionalExpectedPurchases(history, t);
    }
  }
  return total;
}
