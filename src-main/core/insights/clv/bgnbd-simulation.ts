import type { PurchaseHistory } from './customer-groups.ts';
import type { BgnbdParams } from './bgnbd.ts';

/** A seeded uniform generator on [0, 1) (mulberry32): simulations repeat exactly. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

function standardNormal(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

/** Gamma(shape, rate) by Marsaglia & Tsang, boosted for shape < 1. */
export function gammaVariate(shape: number, rate: number, random: () => number): number {
  if (shape < 1) return gammaVariate(shape + 1, rate, random) * Math.pow(1 - random(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const normal = standardNormal(random);
    const root = 1 + c * normal;
    if (root <= 0) continue;
    const v = root * root * root;
    const u = 1 - random();
    if (Math.log(u) < 0.5 * normal * normal + d - d * v + d * Math.log(v)) return (d * v) / rate;
  }
}

/**
 * Simulates customers from a BG/NBD with rates per week: first purchases spread
 * over `acquisitionDays`, a calibration period of `calibrationDays`, and the
 * last purchase recorded to the nearest day, as the app stores dates. Every
 * purchase counts (none are merged by day), so the histories follow the model
 * exactly and a fit should recover `params`. Histories are in weeks.
 */
export function simulateBgnbdHistories(
  params: BgnbdParams,
  options: { customers: number; acquisitionDays: number; calibrationDays: number; random: () => number },
): PurchaseHistory[] {
  const { r, alpha, a, b } = params;
  const { customers, acquisitionDays, calibrationDays, random } = options;
  const histories: PurchaseHistory[] = [];
  for (let customer = 0; customer < customers; customer += 1) {
    const rate = gammaVariate(r, alpha, random);
    const left = gammaVariate(a, 1, random);
    const dropout = left / (left + gammaVariate(b, 1, random));
    const T = (calibrationDays - Math.floor(random() * acquisitionDays)) / 7;
    let time = 0;
    let x = 0;
    let last = 0;
    for (;;) {
      time += -Math.log(1 - random()) / rate;
      if (time > T) break;
      x += 1;
      last = time;
      if (random() < dropout) break;
    }
    histories.push({ x, tx: Math.min(Math.round(last * 7) / 7, T), T });
  }
  return histories;
}
