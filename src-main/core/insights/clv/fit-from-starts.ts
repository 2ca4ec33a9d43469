import type { ClvError } from './clv-errors.ts';
import { FIT_LIMITS, isInterior, minimize } from './optimize.ts';
import type { MinimizeOptions, Objective } from './optimize.ts';
import { grouped } from './customer-groups.ts';
import type { Histories } from './customer-groups.ts';
import type { ModelFit } from './purchase-model.ts';

/** A model's parameters by name, all positive: fits search their logs. */
export type NamedParameters<Name extends string> = Record<Name, number>;

/** The logs of the parameters, in the order of `names`: the point an objective takes. */
export function logParameters<Name extends string>(names: readonly Name[], params: NamedParameters<Name>): Float64Array {
  return Float64Array.from(names, (name) => Math.log(params[name]));
}

export type MultiStartFit<Name extends string> = {
  /** The parameters, in the order the objective reads their logs. */
  names: readonly Name[];
  /** The mean negative log-likelihood per customer, in log-parameters. */
  objective: Objective;
  /** Where to start, tried in turn until one converges. */
  starts: readonly NamedParameters<Name>[];
  /** How many customers the objective averages over, to report the summed log-likelihood. */
  customers: number;
  /** Options for each start (default FIT_LIMITS). */
  limits?: MinimizeOptions;
  /** Likelihood evaluations one objective call costs, as reported in `evaluations` (default 1). */
  likelihoodsPerCall?: number;
  /** The error to throw when no start converges, given the evaluations spent. */
  failure: (evaluations: number) => ClvError;
};

/**
 * Maximum likelihood from several starts: BFGS from each in turn, keeping the
 * first that reaches a small gradient inside the box (a fit that drifts to the
 * box edge has no interior maximum). Throws `failure` when none does.
 */
export function fitFromStarts<Name extends string>(fit: MultiStartFit<Name>): ModelFit<NamedParameters<Name>> {
  const perCall = fit.likelihoodsPerCall ?? 1;
  let evaluations = 0;
  for (const start of fit.starts) {
    const result = minimize(fit.objective, logParameters(fit.names, start), fit.limits ?? FIT_LIMITS);
    evaluations += result.evaluations * perCall;
    if (result.converged && isInterior(result.point)) {
      const params = Object.fromEntries(fit.names.map((name, index) => [name, Math.exp(result.point[index]!)]));
      return {
        params: params as NamedParameters<Name>,
        logLikelihood: -result.value * fit.customers,
        iterations: result.iterations,
        evaluations,
      };
    }
  }
  throw fit.failure(evaluations);
}

/**
 * Repeat purchases per unit of time over all customers, and the mean time they
 * have been customers: the scales the purchase-count models' starts are set on.
 */
export function purchaseScales(histories: Histories): { rate: number; meanT: number } {
  const data = grouped(histories);
  let repeats = 0;
  let exposure = 0;
  for (const row of data.rowOf) {
    repeats += data.x[row]!;
    exposure += data.T[row]!;
  }
  return { rate: repeats / Math.max(exposure, 1e-9), meanT: exposure / data.customers };
}
