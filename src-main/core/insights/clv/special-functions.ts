// Lanczos approximation (g = 7, n = 9): about 15 significant digits for x > 0.
const LANCZOS_G = 7;
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];
const HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

/** ln Γ(x) for x > 0 (reflection for x < 0.5). */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  const shifted = x - 1;
  let series = LANCZOS[0]!;
  for (let index = 1; index < LANCZOS.length; index += 1) series += LANCZOS[index]! / (shifted + index);
  const t = shifted + LANCZOS_G + 0.5;
  return HALF_LOG_TWO_PI + (shifted + 0.5) * Math.log(t) - t + Math.log(series);
}

/** ln B(a, b), the log of the beta function. */
export function logBeta(a: number, b: number): number {
  return logGamma(a) + logGamma(b) - logGamma(a + b);
}

/** ψ(x) = d/dx ln Γ(x) for x > 0: recurrence up to 6, then the asymptotic series. */
export function digamma(x: number): number {
  let result = 0;
  let value = x;
  while (value < 6) {
    result -= 1 / value;
    value += 1;
  }
  const inverse = 1 / value;
  const inverse2 = inverse * inverse;
  return (
    result +
    Math.log(value) -
    0.5 * inverse -
    inverse2 * (1 / 12 - inverse2 * (1 / 120 - inverse2 * (1 / 252 - inverse2 * (1 / 240 - inverse2 / 132))))
  );
}

const SERIES_EPSILON = 1e-16;
const MAX_SERIES_TERMS = 200_000;
const RESCALE = 1e200;
const LOG_RESCALE = Math.log(RESCALE);

/**
 * ln ₂F₁(a, b; c; z) for a, b, c > 0 and 0 ≤ z < 1, where every term of the
 * Gauss series is positive. The sum is kept rescaled so large parameters cannot
 * overflow, and it stops when a geometric bound on the remainder is negligible;
 * if the series is cut short (z extremely close to 1) that bound is added as the
 * tail, so the answer stays finite.
 */
export function logHypergeometric2F1(a: number, b: number, c: number, z: number): number {
  if (z <= 0) return 0;
  let term = 1;
  let sum = 1;
  let logScale = 0;
  for (let n = 0; n < MAX_SERIES_TERMS; n += 1) {
    const ratio = (((a + n) * (b + n)) / ((c + n) * (n + 1))) * z;
    term *= ratio;
    sum += term;
    if (sum > RESCALE) {
      sum /= RESCALE;
      term /= RESCALE;
      logScale += LOG_RESCALE;
    }
    // Ratios move monotonically towards z, so max(ratio, z) bounds every later one.
    const bound = Math.max(ratio, z);
    if (bound < 1 && (term * bound) / (1 - bound) <= SERIES_EPSILON * sum) return logScale + Math.log(sum);
  }
  return logScale + Math.log(sum + (term * z) / (1 - z));
}

// z near 1 (β ≫ α + T, where a Pareto/NBD fit runs off to its homogeneous
// limit) makes this series very long; past this many terms the bounded tail is
// added instead, so one term costs tens of microseconds, not tens of milliseconds.
const MAX_UNIT_A_TERMS = 10_000;

/**
 * ln Σₙ Πₖ<ₙ (e + k)/(c + k) · zⁿ, that is ln ₂F₁(1, e; c; z), for 0 < e < c and
 * 0 ≤ z < 1. Every ratio is below z, so the terms fall at least geometrically:
 * this is the form the Pareto/NBD likelihood reaches after Euler's transformation.
 * The remainder after a term is at most term·z/(1 − z), and, when c − e > 1, at
 * most term·(e + n + 1)/(c − e − 1) (Gauss's sum at z = 1 of the shifted series),
 * which stays small when z is within a hair of 1.
 */
export function logHypergeometricUnitA(e: number, c: number, z: number): number {
  if (z <= 0) return 0;
  let term = 1;
  let sum = 1;
  const geometricTail = z / (1 - z);
  const gap = c - e - 1;
  let tailFactor = geometricTail;
  for (let n = 0; n < MAX_UNIT_A_TERMS; n += 1) {
    term *= ((e + n) / (c + n)) * z;
    sum += term;
    tailFactor = gap > 0 ? Math.min(geometricTail, (e + n + 1) / gap) : geometricTail;
    if (term * tailFactor <= SERIES_EPSILON * sum) return Math.log(sum);
  }
  return Math.log(sum + term * tailFactor);
}
