import type { ParetoNbdParams } from './pareto-nbd.ts';
import { logBeta, logGamma, logHypergeometric2F1 } from './special-functions.ts';

/**
 * P(X(t) = n) under the Pareto/NBD: Fader & Hardie (2006), "Deriving an
 * Expression for P(X(t) = x) Under the Pareto/NBD Model" (brucehardie.com note
 * 012). The first term is "alive all of (0, t]" and the second "died at τ < t
 * after n purchases"; the ₂F₁ branch is chosen so its argument lies in [0, 1).
 */
export function paretoNbdPurchaseProbability(params: ParetoNbdParams, n: number, t: number): number {
  const { r, alpha, s, beta } = params;
  if (!(t > 0)) return n === 0 ? 1 : 0;
  const logAliveAll =
    logGamma(r + n) - logGamma(r) - logGamma(n + 1) +
    r * Math.log(alpha / (alpha + t)) + n * Math.log(t / (alpha + t)) + s * Math.log(beta / (beta + t));

  const rs = r + s;
  const c = rs + n + 1;
  const alphaLarger = alpha >= beta;
  const second = alphaLarger ? s + 1 : r + n;
  const high = alphaLarger ? alpha : beta;
  const gap = Math.abs(alpha - beta);
  const logFront = r * Math.log(alpha) + s * Math.log(beta) + logBeta(r + n, s + 1) - logBeta(r, s);
  const logB1 = logHypergeometric2F1(rs, second, c, gap / high) - rs * Math.log(high);
  // Σᵢ Γ(r+s+i)/(Γ(r+s) i!) tⁱ B₂ᵢ, each relative to B₁ so the difference keeps its digits.
  let sum = 0;
  let logCoefficient = 0;
  for (let i = 0; i <= n; i += 1) {
    if (i > 0) logCoefficient += Math.log(((rs + i - 1) * t) / i);
    const logB2 = logHypergeometric2F1(rs + i, second, c, gap / (high + t)) - (rs + i) * Math.log(high + t);
    sum += Math.exp(logCoefficient + logB2 - logB1);
  }
  const died = Math.exp(logFront + logB1) * Math.max(0, 1 - sum);
  return Math.exp(logAliveAll) + died;
}
