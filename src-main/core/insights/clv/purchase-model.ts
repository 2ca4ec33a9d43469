import type { PurchaseHistory } from './customer-groups.ts';

/** A fitted purchase-count model (BG/NBD or Pareto/NBD), as the rest of the app uses it. */
export type PurchaseModel = {
  name: 'bgnbd' | 'pareto';
  /** E[X(t)]: expected purchases of a new customer in (0, t]. */
  expectedPurchases(t: number): number;
  /** P(X(t) = n): probability that a new customer makes n purchases in (0, t]. */
  purchaseProbability(n: number, t: number): number;
  /** P(alive | x, t_x, T). */
  probabilityAlive(history: PurchaseHistory): number;
  /** E[Y(t) | x, t_x, T]: expected purchases in (T, T + t]. */
  conditionalExpectedPurchases(history: PurchaseHistory, t: number): number;
  /**
   * E[Y(t) | x, t_x, T, alive at T], so E[Y(t) | x, t_x, T] = P(alive) × this:
   * a horizon's worth of values then needs P(alive) (costly for the Pareto/NBD) once.
   */
  expectedPurchasesIfAlive(history: PurchaseHistory, t: number): number;
  /**
   * For each customer (x[i], T[i]): Σₖ weights[k] · E[Y(times[k]) | x, T, alive at T].
   * One time with weight 1 is a horizon's expected purchases; the weights of a
   * discount schedule give its discounted sum. Scoring calls it once for all
   * distinct (x, T), so a model can share work between customers.
   */
  forecastIfAlive(x: Float64Array, T: Float64Array, times: Float64Array, weights: Float64Array): Float64Array;
};

/** A maximum-likelihood fit: the parameters and the log-likelihood summed over customers. */
export type ModelFit<Params> = {
  params: Params;
  logLikelihood: number;
  iterations: number;
  evaluations: number;
};
