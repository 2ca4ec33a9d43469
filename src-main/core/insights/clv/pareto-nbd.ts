import { ClvError } from './clv-errors.ts';
import { assertFittable, groupHistories, grouped } from './customer-groups.ts';
import type { GroupedHistories, Histories, PurchaseHistory } from './customer-groups.ts';
import { fitFromStarts, logParameters, purchaseScales } from './fit-from-starts.ts';
import { LOG_PARAMETER_BOX, withNumericGradient } from './optimize.ts';
import type { ModelFit, PurchaseModel } from './purchase-model.ts';
import { paretoNbdPurchaseProbability } from './pareto-nbd-probability.ts';
import { logGamma, logHypergeometricUnitA } from './special-functions.ts';

/** Pareto/NBD parameters (Schmittlein, Morrison & Colombo 1987): λ ~ Gamma(r, α), dropout rate μ ~ Gamma(s, β). */
export type ParetoNbdParams = { r: number; alpha: number; s: number; beta: number };

// The order of the log-parameters the objective reads.
const PARAMETERS = ['r', 'alpha', 's', 'beta'] as const;

/**
 * ln of one A₀ term of Fader & Hardie's note on the Pareto/NBD likelihood,
 * ₂F₁(r+s+x, b₁; r+s+x+1; z) / (max(α,β) + t)^(r+s+x), with the branch chosen so
 * that 0 ≤ z < 1. Euler's transformation ₂F₁(a,b;a+1;z) = (1−z)^(1−b) ₂F₁(1, a+1−b; a+1; z)
 * leaves a series whose ratios stay below z, so it converges even for z near 1,
 * and 1 − z is formed as a ratio of sums, never by subtraction.
 */
function logA0Term(r: number, alpha: number, s: number, beta: number, x: number, logAlphaT: number, logBetaT: number, t: number): number {
  const sum = r + s + x;
  if (alpha >= beta) {
    return -s * (logBetaT - logAlphaT) + logHypergeometricUnitA(r + x, sum + 1, (alpha - beta) / (alpha + t)) - sum * logAlphaT;
  }
  return (1 - r - x) * (logAlphaT - logBetaT) + logHypergeometricUnitA(s + 1, sum + 1, (beta - alpha) / (beta + t)) - sum * logBetaT;
}

/**
 * ln L − [ln Γ(r+x) − ln Γ(r) + r ln α + s ln β] for one history, and the share
 * of the likelihood that comes from "still alive at T" (that share is P(alive)).
 * The three pieces are combined relative to the largest, and A₀ ≥ 0 is enforced,
 * so rounding can never produce the log of a negative number.
 */
function logLikelihoodCore(
  r: number, alpha: number, s: number, beta: number, x: number,
  logAlphaTx: number, logBetaTx: number, tx: number, logAlphaT: number, logBetaT: number, T: number,
): { logValue: number; alive: number } {
  const aliveAtT = -(r + x) * logAlphaT - s * logBetaT;
  const weight = Math.log(s / (r + s + x));
  const upper = weight + logA0Term(r, alpha, s, beta, x, logAlphaTx, logBetaTx, tx);
  const lower = weight + logA0Term(r, alpha, s, beta, x, logAlphaT, logBetaT, T);
  const top = Math.max(aliveAtT, upper);
  const aliveShare = Math.exp(aliveAtT - top);
  const inner = Math.max(aliveShare + Math.exp(upper - top) - Math.exp(lower - top), aliveShare);
  return { logValue: top + Math.log(inner), alive: aliveShare / inner };
}

function paretoObjective(data: GroupedHistories): (theta: Float64Array) => number {
  const { xLevels, txLevels, TLevels, xIndex, txIndex, TIndex, weight, x: xs, tx: txs, T: Ts, count } = data;
  const constant = new Float64Array(xLevels.length);
  const logAlphaT = new Float64Array(TLevels.length);
  const logBetaT = new Float64Array(TLevels.length);
  const logAlphaTx = new Float64Array(txLevels.length);
  const logBetaTx = new Float64Array(txLevels.length);
  const totalWeight = data.customers;
  return (theta) => {
    if (!theta.every((value) => Math.abs(value) < 30)) return Infinity;
    const r = Math.exp(theta[0]!);
    const alpha = Math.exp(theta[1]!);
    const s = Math.exp(theta[2]!);
    const beta = Math.exp(theta[3]!);
    const logGammaR = logGamma(r);
    for (let level = 0; level < xLevels.length; level += 1) constant[level] = logGamma(r + xLevels[level]!) - logGammaR;
    for (let level = 0; level < TLevels.length; level += 1) {
      logAlphaT[level] = Math.log(alpha + TLevels[level]!);
      logBetaT[level] = Math.log(beta + TLevels[level]!);
    }
    for (let level = 0; level < txLevels.length; level += 1) {
      logAlphaTx[level] = Math.log(alpha + txLevels[level]!);
      logBetaTx[level] = Math.log(beta + txLevels[level]!);
    }
    let logLikelihood = totalWeight * (r * Math.log(alpha) + s * Math.log(beta));
    for (let row = 0; row < count; row += 1) {
      const txi = txIndex[row]!;
      const Ti = TIndex[row]!;
      const { logValue } = logLikelihoodCore(
        r, alpha, s, beta, xs[row]!, logAlphaTx[txi]!, logBetaTx[txi]!, txs[row]!, logAlphaT[Ti]!, logBetaT[Ti]!, Ts[row]!,
      );
      logLikelihood += weight[row]! * (constant[xIndex[row]!]! + logValue);
    }
    return -logLikelihood / totalWeight;
  };
}

/** The Pareto/NBD log-likelihood summed over customers. */
export function paretoNbdLogLikelihood(params: ParetoNbdParams, histories: readonly PurchaseHistory[]): number {
  const data = groupHistories(histories);
  return -paretoObjective(data)(logParameters(PARAMETERS, params)) * data.customers;
}

// withNumericGradient evaluates the likelihood 2·(4 parameters) + 1 = 9 times per call.
const LIKELIHOODS_PER_CALL = 9;
// CDNOW converges in about 21 calls from the first start; 200 leaves ample
// room. Leaving the box means s and β (or r and α) are running off together
// towards the homogeneous limit: no interior maximum to find, so stop at once.
const MAX_CALLS_PER_START = 200;

/**
 * Maximum-likelihood Pareto/NBD fit (BFGS on log-parameters, central-difference
 * gradient). Throws FIT_DID_NOT_CONVERGE when no start reaches a small gradient
 * inside the box, giving up early (after a bounded number of likelihood
 * evaluations) when the parameters run off to a boundary.
 */
export function fitParetoNbd(histories: Histories): ModelFit<ParetoNbdParams> {
  const data = grouped(histories);
  assertFittable(data);
  const { rate, meanT } = purchaseScales(data);
  return fitFromStarts({
    names: PARAMETERS,
    objective: withNumericGradient(paretoObjective(data)),
    starts: [
      { r: 0.5, alpha: 0.5 / rate, s: 0.5, beta: meanT / 2 },
      { r: 1, alpha: 1 / rate, s: 1, beta: meanT },
    ],
    customers: data.customers,
    limits: { gradientTolerance: 1e-6, maxEvaluations: MAX_CALLS_PER_START, box: LOG_PARAMETER_BOX },
    likelihoodsPerCall: LIKELIHOODS_PER_CALL,
    failure: (evaluations) =>
      new ClvError(
        'FIT_DID_NOT_CONVERGE',
        `The Pareto/NBD model did not converge on these data (after ${evaluations} likelihood evaluations; the parameters ran off to a boundary, as when every customer has the same dropout rate).`,
      ),
  });
}

/** [1 − (base/(base + t))^(s−1)] / (s − 1), with its limit ln(1 + t/base) at s = 1. */
function dropoutDiscountedGrowth(s: number, base: number, t: number): number {
  const logGrowth = Math.log1p(t / base);
  if (Math.abs(s - 1) < 1e-9) return logGrowth;
  return -Math.expm1(-(s - 1) * logGrowth) / (s - 1);
}

function probabilityAliveFor(params: ParetoNbdParams, { x, tx, T }: PurchaseHistory): number {
  const { r, alpha, s, beta } = params;
  return logLikelihoodCore(
    r, alpha, s, beta, x, Math.log(alpha + tx), Math.log(beta + tx), tx, Math.log(alpha + T), Math.log(beta + T), T,
  ).alive;
}

/** The fitted Pareto/NBD as a purchase model (expressions of Schmittlein et al. 1987 and Fader & Hardie 2005). */
export function paretoNbdModel(params: ParetoNbdParams): PurchaseModel {
  const { r, alpha, s, beta } = params;
  // Alive at T, the customer's rates have the posterior Gamma(r + x, α + T) and Gamma(s, β + T).
  const expectedIfAlive = (x: number, T: number, t: number): number => {
    if (!(t > 0)) return 0;
    const rate = ((r + x) * (beta + T)) / (alpha + T);
    return rate * dropoutDiscountedGrowth(s, beta + T, t);
  };
  return {
    name: 'pareto',
    expectedPurchases: (t) => (t > 0 ? ((r * beta) / alpha) * dropoutDiscountedGrowth(s, beta, t) : 0),
    purchaseProbability: (n, t) => paretoNbdPurchaseProbability(params, n, t),
    probabilityAlive: (history) => probabilityAliveFor(params, history),
    conditionalExpectedPurchases: (history, t) => (t > 0 ? expectedIfAlive(history.x, history.T, t) * probabilityAliveFor(params, history) : 0),
    expectedPurchasesIfAlive: (history, t) => expectedIfAlive(history.x, history.T, t),
    forecastIfAlive: (x, T, times, weights) =>
      x.map((xi, index) => {
        let sum = 0;
        for (let k = 0; k < times.length; k += 1) sum += weights[k]! * expectedIfAlive(xi, T[index]!, times[k]!);
        return sum;
      }),
  };
}
