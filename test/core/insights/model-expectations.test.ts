import { describe, expect, it } from 'vitest';
import {
  bgnbdModel,
  discountedExpectedResidualTransactions,
  discountedLifetimeValue,
  paretoNbdModel,
} from '../../../src-main/core/insights/clv/index.ts';
import type { BgnbdParams, ParetoNbdParams, PurchaseHistory, PurchaseModel } from '../../../src-main/core/insights/clv/index.ts';
import { logBeta, logGamma } from '../../../src-main/core/insights/clv/special-functions.ts';

// Every closed form is checked against a quantity derived independently here,
// by integrating the model's definition numerically over its latent rates.
const bgnbd: BgnbdParams = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const pareto: ParetoNbdParams = { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 };
const customers: PurchaseHistory[] = [
  { x: 0, tx: 0, T: 38.86 },
  { x: 2, tx: 30.43, T: 38.86 },
  { x: 7, tx: 29.43, T: 38.86 },
  { x: 1, tx: 1.71, T: 32.71 },
];

/** ∫₀¹ f(p) Beta(p; a, b) dp, with p = u^(1/a) and 1 − p = v^(1/b) on each half so the endpoint powers vanish. */
function betaExpectation(f: (p: number) => number, a: number, b: number): number {
  const steps = 20_000;
  const logNorm = logBeta(a, b);
  let total = 0;
  for (let index = 0; index < steps; index += 1) {
    const u = ((index + 0.5) / steps) * Math.pow(0.5, a);
    const p = Math.pow(u, 1 / a);
    total += (Math.pow(0.5, a) / steps) * (f(p) * Math.pow(1 - p, b - 1)) / a;
    const v = ((index + 0.5) / steps) * Math.pow(0.5, b);
    const q = Math.pow(v, 1 / b);
    total += (Math.pow(0.5, b) / steps) * (f(1 - q) * Math.pow(1 - q, a - 1)) / b;
  }
  return total / Math.exp(logNorm);
}

/** ∫∫ f(λ, μ) Gamma(λ; r, α) Gamma(μ; s, β) on a log grid (the trapezoid rule is spectrally accurate there). */
function gammaGammaIntegral(f: (lambda: number, mu: number) => number, r: number, alpha: number, s: number, beta: number): number {
  const points = 700;
  const low = -30;
  const high = 6;
  const h = (high - low) / points;
  const logDensity = (shape: number, rate: number, log: number) => shape * Math.log(rate) - logGamma(shape) + shape * log - rate * Math.exp(log);
  let total = 0;
  for (let i = 0; i <= points; i += 1) {
    const u = low + i * h;
    const wu = Math.exp(logDensity(r, alpha, u));
    for (let j = 0; j <= points; j += 1) {
      const v = low + j * h;
      total += wu * Math.exp(logDensity(s, beta, v)) * f(Math.exp(u), Math.exp(v));
    }
  }
  return total * h * h;
}

/** Σ P(X(t) = n) and Σ n·P(X(t) = n) over n < 400, far past where the mass is. */
function massAndMean(model: PurchaseModel, t: number): { mass: number; mean: number } {
  let mass = 0;
  let mean = 0;
  for (let n = 0; n < 400; n += 1) {
    const probability = model.purchaseProbability(n, t);
    mass += probability;
    mean += n * probability;
  }
  return { mass, mean };
}

describe('BG/NBD expressions', () => {
  const model = bgnbdModel(bgnbd);

  it('E[X(t)] equals ∫ (1 − (α/(α + pt))^r)/p dBeta(p)', () => {
    for (const t of [1, 39, 78, 520]) {
      const integral = betaExpectation((p) => (1 - Math.pow(bgnbd.alpha / (bgnbd.alpha + p * t), bgnbd.r)) / p, bgnbd.a, bgnbd.b);
      expect(model.expectedPurchases(t)).toBeCloseTo(integral, 5);
    }
  });

  it('P(alive) and E[Y(t) | x, t_x, T] match the posterior integrated over p', () => {
    const { r, alpha, a, b } = bgnbd;
    for (const customer of customers) {
      const { x, tx, T } = customer;
      const alive = betaExpectation((p) => Math.pow(1 - p, x), a, b) * Math.pow(alpha + T, -(r + x));
      const dead = x > 0 ? betaExpectation((p) => p * Math.pow(1 - p, x - 1), a, b) * Math.pow(alpha + tx, -(r + x)) : 0;
      const pAlive = alive / (alive + dead);
      expect(model.probabilityAlive(customer)).toBeCloseTo(pAlive, 8);
      const t = 52;
      const future = betaExpectation((p) => (Math.pow(1 - p, x) * (1 - Math.pow((alpha + T) / (alpha + T + p * t), r + x))) / p, a, b);
      const norm = betaExpectation((p) => Math.pow(1 - p, x), a, b);
      expect(model.conditionalExpectedPurchases(customer, t)).toBeCloseTo((pAlive * future) / norm, 5);
    }
  });

  it('P(X(t) = n) sums to 1 and its mean is E[X(t)]', () => {
    const { mass, mean } = massAndMean(model, 39);
    expect(mass).toBeCloseTo(1, 10);
    expect(mean).toBeCloseTo(model.expectedPurchases(39), 8);
  });

  it('is continuous through a = 1, where the closed form is 0/0', () => {
    const at = (a: number) => bgnbdModel({ ...bgnbd, a }).expectedPurchases(39);
    expect(at(1)).toBeCloseTo((at(0.999) + at(1.001)) / 2, 6);
    expect(Number.isFinite(at(1))).toBe(true);
  });
});

describe('Pareto/NBD expressions', () => {
  const model = paretoNbdModel(pareto);
  const { r, alpha, s, beta } = pareto;

  it('P(alive) and E[Y(t) | x, t_x, T] match the posterior integrated over λ and μ', () => {
    for (const customer of customers) {
      const { x, tx, T } = customer;
      const alive = (lambda: number, mu: number) => Math.pow(lambda, x) * Math.exp(-(lambda + mu) * T);
      const total = (lambda: number, mu: number) =>
        alive(lambda, mu) + ((Math.pow(lambda, x) * mu) / (lambda + mu)) * (Math.exp(-(lambda + mu) * tx) - Math.exp(-(lambda + mu) * T));
      const evidence = gammaGammaIntegral(total, r, alpha, s, beta);
      const pAlive = gammaGammaIntegral(alive, r, alpha, s, beta) / evidence;
      expect(model.probabilityAlive(customer)).toBeCloseTo(pAlive, 6);
      const t = 52;
      const future = gammaGammaIntegral((lambda, mu) => alive(lambda, mu) * (lambda / mu) * -Math.expm1(-mu * t), r, alpha, s, beta);
      expect(model.conditionalExpectedPurchases(customer, t) / (future / evidence)).toBeCloseTo(1, 5);
    }
  });

  it('P(X(t) = n) sums to 1 and its mean is E[X(t)]', () => {
    for (const t of [10, 39, 200]) {
      const { mass, mean } = massAndMean(model, t);
      expect(mass).toBeCloseTo(1, 8);
      expect(mean).toBeCloseTo(model.expectedPurchases(t), 6);
    }
  });

  it('P(X(t) = n) also holds on the α ≥ β branch', () => {
    const other = paretoNbdModel({ r: 0.8, alpha: 20, s: 1.3, beta: 6 });
    const { mass, mean } = massAndMean(other, 30);
    expect(mass).toBeCloseTo(1, 8);
    expect(mean).toBeCloseTo(other.expectedPurchases(30), 6);
  });
});

describe('discounted value', () => {
  const model = paretoNbdModel(pareto);
  const customer = { x: 2, tx: 30.43, T: 38.86 };

  it('DERT equals a fine discrete sum of discounted expected purchases', () => {
    const rate = Math.log(1.5) / 52;
    let sum = 0;
    let previous = 0;
    for (let week = 0.25; week <= 20_000; week += 0.25) {
      const cumulative = model.conditionalExpectedPurchases(customer, week);
      sum += Math.exp(-rate * (week - 0.125)) * (cumulative - previous);
      previous = cumulative;
    }
    expect(discountedExpectedResidualTransactions(model, customer, rate) / sum).toBeCloseTo(1, 3);
  });

  it('discounted value over monthly periods is margin × spend × Σ monthly increments of E[Y] discounted', () => {
    const month = 365 / 12 / 7;
    let expected = 0;
    for (let m = 1; m <= 24; m += 1) {
      const increment = model.conditionalExpectedPurchases(customer, m * month) - model.conditionalExpectedPurchases(customer, (m - 1) * month);
      expected += increment / Math.pow(1.01, m);
    }
    const value = discountedLifetimeValue(model, customer, { valuePerPurchase: 40, margin: 0.3, periods: 24, discountRatePerPeriod: 0.01, periodLength: month });
    expect(value).toBeCloseTo(0.3 * 40 * expected, 8);
  });

  it('E[Y | alive] × P(alive) is E[Y] for both models', () => {
    for (const fitted of [model, bgnbdModel(bgnbd)]) {
      for (const history of customers) {
        const alive = fitted.probabilityAlive(history);
        expect(alive * fitted.expectedPurchasesIfAlive(history, 52)).toBeCloseTo(fitted.conditionalExpectedPurchases(history, 52), 12);
      }
    }
  });
});
