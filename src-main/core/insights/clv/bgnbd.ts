import { bgnbdForecastIfAlive } from './bgnbd-forecast.ts';
import { ClvError } from './clv-errors.ts';
import { assertFittable, grouped } from './customer-groups.ts';
import type { GroupedHistories, Histories, PurchaseHistory } from './customer-groups.ts';
import { fitFromStarts, purchaseScales } from './fit-from-starts.ts';
import type { Objective } from './optimize.ts';
import type { ModelFit, PurchaseModel } from './purchase-model.ts';
import { digamma, logBeta, logGamma, logHypergeometric2F1 } from './special-functions.ts';

/** BG/NBD parameters (Fader, Hardie & Lee 2005): purchase rate λ ~ Gamma(r, α), dropout p ~ Beta(a, b). */
export type BgnbdParams = { r: number; alpha: number; a: number; b: number };

// The order of the log-parameters the objective reads.
const PARAMETERS = ['r', 'alpha', 'a', 'b'] as const;

/**
 * Mean negative log-likelihood over the grouped histories and its gradient in
 * log-parameters. Terms that depend on x alone, on t_x alone or on T alone are
 * computed once per distinct value, so the loop over histories is one exp and
 * one log1p each.
 */
function bgnbdObjective(data: GroupedHistories): Objective {
  const { xLevels, txLevels, TLevels, xIndex, txIndex, TIndex, weight, x: xs, count } = data;
  const constant = new Float64Array(xLevels.length);
  const dR = new Float64Array(xLevels.length);
  const dA = new Float64Array(xLevels.length);
  const dB = new Float64Array(xLevels.length);
  const logDropRatio = new Float64Array(xLevels.length);
  const logT = new Float64Array(TLevels.length);
  const inverseT = new Float64Array(TLevels.length);
  const logTx = new Float64Array(txLevels.length);
  const inverseTx = new Float64Array(txLevels.length);
  const totalWeight = data.customers;

  return (theta, gradient) => {
    if (!theta.every((value) => Math.abs(value) < 30)) return Infinity;
    const r = Math.exp(theta[0]!);
    const alpha = Math.exp(theta[1]!);
    const a = Math.exp(theta[2]!);
    const b = Math.exp(theta[3]!);
    const base = -logGamma(r) + logGamma(a + b) - logGamma(b);
    const baseR = digamma(r);
    const baseAB = digamma(a + b);
    const baseB = digamma(b);
    for (let level = 0; level < xLevels.length; level += 1) {
      const x = xLevels[level]!;
      const psiABX = digamma(a + b + x);
      constant[level] = base + logGamma(r + x) + logGamma(b + x) - logGamma(a + b + x);
      dR[level] = digamma(r + x) - baseR;
      dA[level] = baseAB - psiABX;
      dB[level] = baseAB + digamma(b + x) - baseB - psiABX;
      logDropRatio[level] = x > 0 ? Math.log(a / (b + x - 1)) : 0;
    }
    for (let level = 0; level < TLevels.length; level += 1) {
      logT[level] = Math.log(alpha + TLevels[level]!);
      inverseT[level] = 1 / (alpha + TLevels[level]!);
    }
    for (let level = 0; level < txLevels.length; level += 1) {
      logTx[level] = Math.log(alpha + txLevels[level]!);
      inverseTx[level] = 1 / (alpha + txLevels[level]!);
    }

    let logLikelihood = 0;
    let gR = 0;
    let gAlpha = 0;
    let gA = 0;
    let gB = 0;
    for (let row = 0; row < count; row += 1) {
      const w = weight[row]!;
      const x = xs[row]!;
      const level = xIndex[row]!;
      const Ti = TIndex[row]!;
      const rx = r + x;
      const stayed = -rx * logT[Ti]!;
      let term = stayed;
      // ω: the posterior probability that the customer dropped out after the last purchase.
      let omega = 0;
      let logAlphaTx = 0;
      let inverseAlphaTx = 0;
      if (x > 0) {
        const txi = txIndex[row]!;
        logAlphaTx = logTx[txi]!;
        inverseAlphaTx = inverseTx[txi]!;
        const dropped = logDropRatio[level]! - rx * logAlphaTx;
        if (dropped > stayed) {
          const e = Math.exp(stayed - dropped);
          term = dropped + Math.log1p(e);
          omega = 1 / (1 + e);
        } else {
          const e = Math.exp(dropped - stayed);
          term = stayed + Math.log1p(e);
          omega = e / (1 + e);
        }
      }
      const kept = 1 - omega;
      logLikelihood += w * (constant[level]! + term);
      gR += w * (dR[level]! - kept * logT[Ti]! - omega * logAlphaTx);
      gAlpha -= w * rx * (kept * inverseT[Ti]! + omega * inverseAlphaTx);
      gA += w * (dA[level]! + omega / a);
      gB += w * (dB[level]! - (x > 0 ? omega / (b + x - 1) : 0));
    }
    const logAlpha = Math.log(alpha);
    logLikelihood += totalWeight * r * logAlpha;
    gR += totalWeight * logAlpha;
    gAlpha += (totalWeight * r) / alpha;
    gradient[0] = (-r * gR) / totalWeight;
    gradient[1] = (-alpha * gAlpha) / totalWeight;
    gradient[2] = (-a * gA) / totalWeight;
    gradient[3] = (-b * gB) / totalWeight;
    return -logLikelihood / totalWeight;
  };
}

/**
 * Maximum-likelihood BG/NBD fit. Starts where the mean purchase rate matches
 * the data and, if BFGS does not reach a small gradient, tries a second start;
 * throws FIT_DID_NOT_CONVERGE when neither does.
 */
export function fitBgnbd(histories: Histories): ModelFit<BgnbdParams> {
  const data = grouped(histories);
  assertFittable(data);
  const { rate } = purchaseScales(data);
  return fitFromStarts({
    names: PARAMETERS,
    objective: bgnbdObjective(data),
    starts: [
      { r: 0.5, alpha: 0.5 / rate, a: 1, b: 2 },
      { r: 1, alpha: 1 / rate, a: 0.5, b: 0.5 },
    ],
    customers: data.customers,
    failure: () => new ClvError('FIT_DID_NOT_CONVERGE', 'The BG/NBD model did not converge on these data.'),
  });
}

/** E[X(t)] for a customer with parameters (r, α, a, b), the Fader–Hardie–Lee closed form. */
function expectedPurchasesFor(r: number, alpha: number, a: number, b: number, t: number): number {
  if (!(t > 0)) return 0;
  if (a + b - 1 <= 1e-6) return expectedPurchasesBySum(r, alpha, a, b, t);
  // The closed form is 0/0 at a = 1 but smooth in a: interpolate between points either side.
  if (Math.abs(a - 1) < 1e-4) {
    const below = expectedPurchasesFor(r, alpha, 1 - 2e-4, b, t);
    const above = expectedPurchasesFor(r, alpha, 1 + 2e-4, b, t);
    return below + ((a - (1 - 2e-4)) / 4e-4) * (above - below);
  }
  const c = a + b - 1;
  const logPart = r * Math.log(alpha / (alpha + t)) + logHypergeometric2F1(r, b, c, t / (alpha + t));
  return (c / (a - 1)) * -Math.expm1(logPart);
}

/** E[X(t)] as Σ n·P(X(t) = n), for a + b ≤ 1 where the ₂F₁ of the closed form is undefined. */
function expectedPurchasesBySum(r: number, alpha: number, a: number, b: number, t: number): number {
  let mean = 0;
  let mass = 0;
  for (let n = 0; n < 100_000; n += 1) {
    const probability = purchaseProbabilityFor(r, alpha, a, b, n, t);
    mean += n * probability;
    mass += probability;
    if (n > 10 && 1 - mass < 1e-12) break;
  }
  return mean;
}

/** P(X(t) = n), Fader, Hardie & Lee (2005) eq. 8; the negative binomial tail is summed directly when it is small. */
function purchaseProbabilityFor(r: number, alpha: number, a: number, b: number, n: number, t: number): number {
  if (!(t > 0)) return n === 0 ? 1 : 0;
  const logP = Math.log(alpha / (alpha + t));
  const logQ = Math.log(t / (alpha + t));
  const logBetaAB = logBeta(a, b);
  const aliveAll = Math.exp(
    logBeta(a, b + n) - logBetaAB + logGamma(r + n) - logGamma(r) - logGamma(n + 1) + r * logP + n * logQ,
  );
  if (n === 0) return aliveAll;
  let head = 0;
  let term = Math.exp(r * logP);
  for (let j = 0; j < n; j += 1) {
    head += term;
    term *= ((r + j) / (j + 1)) * Math.exp(logQ);
  }
  let tail = 1 - head;
  if (head > 0.5) {
    tail = 0;
    let next = Math.exp(logGamma(r + n) - logGamma(r) - logGamma(n + 1) + r * logP + n * logQ);
    for (let j = n; j < n + 1_000_000 && next > 1e-17 * tail; j += 1) {
      tail += next;
      next *= ((r + j) / (j + 1)) * Math.exp(logQ);
    }
  }
  return aliveAll + Math.exp(logBeta(a + 1, b + n - 1) - logBetaAB) * Math.max(tail, 0);
}

/** P(alive | x, t_x, T) for the BG/NBD. */
function probabilityAliveFor(params: BgnbdParams, { x, tx, T }: PurchaseHistory): number {
  if (x === 0) return 1;
  const { r, alpha, a, b } = params;
  const logOdds = Math.log(a / (b + x - 1)) + (r + x) * (Math.log(alpha + T) - Math.log(alpha + tx));
  return 1 / (1 + Math.exp(logOdds));
}

/**
 * The fitted BG/NBD as a purchase model. E[Y(t) | x, t_x, T] uses the fact that
 * a customer still alive at T behaves like a new one with updated parameters
 * (r + x, α + T, a, b + x), which is the closed form of FHL 2005 eq. 10.
 */
export function bgnbdModel(params: BgnbdParams): PurchaseModel {
  const { r, alpha, a, b } = params;
  return {
    name: 'bgnbd',
    expectedPurchases: (t) => expectedPurchasesFor(r, alpha, a, b, t),
    purchaseProbability: (n, t) => purchaseProbabilityFor(r, alpha, a, b, n, t),
    probabilityAlive: (history) => probabilityAliveFor(params, history),
    conditionalExpectedPurchases: (history, t) =>
      probabilityAliveFor(params, history) * expectedPurchasesFor(r + history.x, alpha + history.T, a, b + history.x, t),
    expectedPurchasesIfAlive: (history, t) => expectedPurchasesFor(r + history.x, alpha + history.T, a, b + history.x, t),
    forecastIfAlive: (x, T, times, weights) =>
      bgnbdForecastIfAlive(params, x, T, times, weights, (xi, Ti, t) => expectedPurchasesFor(r + xi, alpha + Ti, a, b + xi, t)),
  };
}
