import { ClvError } from './clv-errors.ts';
import { groupByValue } from './distinct-numbers.ts';
import { fitFromStarts } from './fit-from-starts.ts';
import type { Objective } from './optimize.ts';
import type { ModelFit } from './purchase-model.ts';
import { digamma, logGamma } from './special-functions.ts';

/** Gamma-Gamma spend parameters (Fader & Hardie 2013): spend per purchase ~ Gamma(p, ν), ν ~ Gamma(q, γ). */
export type GammaGammaParams = { p: number; q: number; gamma: number };

// The order of the log-parameters the objective reads.
const PARAMETERS = ['p', 'q', 'gamma'] as const;

/** A customer's repeat purchases: how many, and their mean value. */
export type SpendHistory = { x: number; meanRepeatValue: number };

/** The model is fitted on customers with at least one repeat purchase of positive value. */
function spenders(histories: readonly SpendHistory[]): SpendHistory[] {
  return histories.filter((history) => history.x > 0 && history.meanRepeatValue > 0);
}

/**
 * Mean negative log-likelihood and its gradient in log-parameters. Customers
 * are taken in groups of equal x: every term but ln(γ + x·z̄) depends on x
 * alone or sums over the group beforehand, so each customer costs one log and
 * one division per evaluation.
 */
function gammaGammaObjective(histories: readonly SpendHistory[]): Objective {
  const count = histories.length;
  const { values: groupX, start: groupStart, order } = groupByValue(count, (customer) => histories[customer]!.x);
  const spend = new Float64Array(count);
  for (let row = 0; row < count; row += 1) spend[row] = histories[order[row]!]!.meanRepeatValue;
  const groupLogSpend = new Float64Array(groupX.length);
  for (let group = 0; group < groupX.length; group += 1) {
    for (let row = groupStart[group]!; row < groupStart[group + 1]!; row += 1) groupLogSpend[group]! += Math.log(spend[row]!);
  }
  return (theta, gradient) => {
    if (!theta.every((value) => Math.abs(value) < 30)) return Infinity;
    const p = Math.exp(theta[0]!);
    const q = Math.exp(theta[1]!);
    const gamma = Math.exp(theta[2]!);
    const logGammaQ = logGamma(q);
    const psiQ = digamma(q);
    const logScale = Math.log(gamma);
    let logLikelihood = 0;
    let gP = 0;
    let gQ = 0;
    let gGamma = 0;
    for (let group = 0; group < groupX.length; group += 1) {
      const xi = groupX[group]!;
      const size = groupStart[group + 1]! - groupStart[group]!;
      let logTotals = 0;
      let inverseTotals = 0;
      for (let row = groupStart[group]!; row < groupStart[group + 1]!; row += 1) {
        const total = gamma + xi * spend[row]!;
        logTotals += Math.log(total);
        inverseTotals += 1 / total;
      }
      const px = p * xi;
      const logX = Math.log(xi);
      const logSpend = groupLogSpend[group]!;
      const psiPxQ = digamma(px + q);
      logLikelihood +=
        size * (logGamma(px + q) - logGamma(px) - logGammaQ + q * logScale + px * logX) + (px - 1) * logSpend - (px + q) * logTotals;
      gP += xi * (size * (psiPxQ - digamma(px) + logX) + logSpend - logTotals);
      gQ += size * (psiPxQ - psiQ + logScale) - logTotals;
      gGamma += (size * q) / gamma - (px + q) * inverseTotals;
    }
    gradient[0] = (-p * gP) / count;
    gradient[1] = (-q * gQ) / count;
    gradient[2] = (-gamma * gGamma) / count;
    return -logLikelihood / count;
  };
}

/**
 * Maximum-likelihood Gamma-Gamma fit on the customers with repeat purchases;
 * throws NO_REPEAT_PURCHASES / TOO_FEW_CUSTOMERS / FIT_DID_NOT_CONVERGE.
 */
export function fitGammaGamma(histories: readonly SpendHistory[]): ModelFit<GammaGammaParams> {
  const fitted = spenders(histories);
  if (fitted.length === 0) throw new ClvError('NO_REPEAT_PURCHASES', 'No customer has a repeat purchase with a value, so spend cannot be modelled.');
  if (fitted.length < 2) throw new ClvError('TOO_FEW_CUSTOMERS', 'The spend model needs at least 2 customers with repeat purchases.');
  let meanSpend = 0;
  for (const history of fitted) meanSpend += history.meanRepeatValue / fitted.length;
  // Starts with spend of mean meanSpend: E[z] = pγ/(q − 1).
  return fitFromStarts({
    names: PARAMETERS,
    objective: gammaGammaObjective(fitted),
    starts: [
      { p: 1, q: 2, gamma: meanSpend },
      { p: 5, q: 5, gamma: meanSpend },
    ],
    customers: fitted.length,
    failure: () => new ClvError('FIT_DID_NOT_CONVERGE', 'The Gamma-Gamma spend model did not converge on these data.'),
  });
}

/**
 * E[M | p, q, γ, x, z̄]: the expected value of a customer's future purchases, a
 * weighted mean of the population mean pγ/(q − 1) and the customer's own z̄
 * (x = 0 gives the population mean). Needs q > 1, else the mean spend is
 * infinite; then the customer's own mean (or `fallback`) is returned.
 */
export function conditionalExpectedSpend(params: GammaGammaParams, history: SpendHistory, fallback = 0): number {
  const { p, q, gamma } = params;
  if (q <= 1) return history.x > 0 ? history.meanRepeatValue : fallback;
  const x = history.x > 0 && history.meanRepeatValue > 0 ? history.x : 0;
  return (p * (gamma + x * history.meanRepeatValue)) / (p * x + q - 1);
}

/**
 * The mean value of all repeat purchases, Σ x·z̄ / Σ x: the Gamma-Gamma's
 * homogeneous limit (everyone shares one mean spend), used when its fit fails,
 * e.g. on constant prices. 0 when nobody has a repeat purchase of value.
 */
export function averageRepeatSpend(histories: readonly SpendHistory[]): number {
  let total = 0;
  let purchases = 0;
  for (const history of spenders(histories)) {
    total += history.x * history.meanRepeatValue;
    purchases += history.x;
  }
  return purchases > 0 ? total / purchases : 0;
}
