import type { BgnbdParams } from './bgnbd.ts';
import { groupByValue } from './distinct-numbers.ts';

/**
 * Σₖ wₖ·E[Y(tₖ) | x, T, alive at T] under the BG/NBD for many (x, T) at once:
 * a horizon's expected purchases (one time, weight 1) or its discounted sum.
 *
 * A customer alive at T behaves like a new one with (r + x, α + T, a, b + x), so
 * with c = a + b + x − 1 and z = t/(α + T + t), FHL 2005 eq. 10 is
 *   E(t) = c/(a − 1) · [1 − (1 − z)^(r+x) ₂F₁(r + x, b + x; c; z)].
 * Euler's transformation turns the ₂F₁ into (1 − z)^(a−1−r−x) ₂F₁(A, a − 1; c; z)
 * with A = a + b − 1 − r: its upper parameters no longer grow with x, so the
 * series converges in a few terms where the original needs hundreds. Taking out
 * the (a − 1) the lower series shares leaves
 *   E(t) = c · [g(z) − (1 − z)^(a−1) Σₙ₌₁ hₙ zⁿ],  g(z) = (1 − (1 − z)^(a−1))/(a − 1),
 *   hₙ = (A)ₙ (a)ₙ₋₁ / ((c)ₙ n!),
 * where hₙ depends on x alone and the weighted sum over times
 *   Pₙ = Σₖ wₖ (1 − zₖ)^(a−1) zₖⁿ
 * on T alone. So each distinct T computes Pₙ once, and each (x, T) is one short
 * dot product Σ hₙ Pₙ instead of one ₂F₁ per time.
 *
 * `direct` is the closed form evaluated plainly; it is used where this series
 * would lose digits (strong cancellation, a ≈ 1 where the closed form is
 * interpolated, c ≈ 0) or converge too slowly (z within a hair of 1).
 */
export function bgnbdForecastIfAlive(
  params: BgnbdParams,
  x: Float64Array,
  T: Float64Array,
  times: Float64Array,
  weights: Float64Array,
  direct: (x: number, T: number, t: number) => number,
): Float64Array {
  const result = new Float64Array(x.length);
  const directSum = (index: number): number => {
    let sum = 0;
    for (let k = 0; k < times.length; k += 1) sum += weights[k]! * direct(x[index]!, T[index]!, times[k]!);
    return sum;
  };
  const { r, alpha, a, b } = params;
  if (Math.abs(a - 1) < 1e-4) {
    for (let index = 0; index < x.length; index += 1) result[index] = directSum(index);
    return result;
  }
  // Customers in groups of equal T, each group sharing one Pₙ.
  const { values: levels, start, order } = groupByValue(x.length, (index) => T[index]!);
  const powers = new TimeSeries(times, weights, a);
  for (let group = 0; group < levels.length; group += 1) {
    powers.reset(alpha + levels[group]!);
    for (let position = start[group]!; position < start[group + 1]!; position += 1) {
      const index = order[position]!;
      const value = seriesValue(r, a, b, x[index]!, powers);
      result[index] = Number.isNaN(value) ? directSum(index) : value;
    }
  }
  return result;
}

// Past this many terms the argument is too close to 1 for a series: evaluate directly.
const MAX_TERMS = 5_000;
const SERIES_EPSILON = 1e-16;
// Σ|terms| may exceed the result by this factor at most (about 4 digits lost to cancellation).
const MAX_CANCELLATION = 1e4;

/** The lazily extended Pₙ for one T, with g summed over the times. */
class TimeSeries {
  sums = new Float64Array(64);
  length = 0;
  gSum = 0;
  zMax = 0;
  private readonly times: Float64Array;
  private readonly weights: Float64Array;
  private readonly a: number;
  private readonly z: Float64Array;
  private readonly power: Float64Array;

  constructor(times: Float64Array, weights: Float64Array, a: number) {
    this.times = times;
    this.weights = weights;
    this.a = a;
    this.z = new Float64Array(times.length);
    this.power = new Float64Array(times.length);
  }

  /** Starts over for a new α + T. */
  reset(alphaT: number): void {
    const shape = this.a - 1;
    this.gSum = 0;
    this.zMax = 0;
    this.length = 1;
    for (let k = 0; k < this.times.length; k += 1) {
      const t = this.times[k]!;
      if (!(t > 0)) {
        this.z[k] = 0;
        this.power[k] = 0;
        continue;
      }
      // ln(1 − z) = −ln(1 + t/(α + T)), without forming 1 − z by subtraction.
      const logRest = -Math.log1p(t / alphaT);
      const z = t / (alphaT + t);
      this.z[k] = z;
      this.zMax = Math.max(this.zMax, z);
      this.power[k] = this.weights[k]! * Math.exp(shape * logRest);
      this.gSum += (this.weights[k]! * -Math.expm1(shape * logRest)) / shape;
    }
  }

  /** Pₙ, computing the powers up to n on first use. */
  at(n: number): number {
    while (this.length <= n) {
      if (this.length === this.sums.length) {
        const longer = new Float64Array(2 * this.sums.length);
        longer.set(this.sums);
        this.sums = longer;
      }
      let sum = 0;
      for (let k = 0; k < this.z.length; k += 1) {
        const next = this.power[k]! * this.z[k]!;
        this.power[k] = next;
        sum += next;
      }
      this.sums[this.length] = sum;
      this.length += 1;
    }
    return this.sums[n]!;
  }
}

/**
 * c·(g − Σ hₙ Pₙ) for one x, or NaN when the series cannot be trusted. The sum
 * stops once a bound on the rest is negligible: for n ≥ −A both factors of the
 * term ratio (A + n)/(n + 1) and (a + n − 1)/(c + n) move monotonically towards
 * 1, so their maxima with 1 bound every later ratio, and Pₙ₊₁ ≤ zmax·Pₙ.
 */
function seriesValue(r: number, a: number, b: number, x: number, powers: TimeSeries): number {
  const c = a + b + x - 1;
  if (!(c > 1e-6)) return Number.NaN;
  const A = a + b - 1 - r;
  const { gSum, zMax } = powers;
  let h = A / c;
  let sum = 0;
  let absolute = 0;
  for (let n = 1; n <= MAX_TERMS; n += 1) {
    const term = h * powers.at(n);
    sum += term;
    absolute += Math.abs(term);
    const growth = (A + n) / (n + 1);
    const fall = (a + n - 1) / (c + n);
    if (A + n >= 0) {
      const ratio = Math.max(growth, 1) * Math.max(fall, 1) * zMax;
      if (ratio < 1 && (Math.abs(term) * ratio) / (1 - ratio) <= SERIES_EPSILON * Math.abs(gSum - sum)) {
        const value = gSum - sum;
        return gSum + absolute <= MAX_CANCELLATION * Math.abs(value) ? c * value : Number.NaN;
      }
    }
    h *= growth * fall;
  }
  return Number.NaN;
}
