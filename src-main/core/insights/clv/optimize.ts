/** A smooth function to minimise: returns its value and writes its gradient. */
export type Objective = (point: Float64Array, gradient: Float64Array) => number;

export type MinimizeOptions = {
  /** Stop when every gradient component is below this (default 1e-7). */
  gradientTolerance?: number;
  maxIterations?: number;
  /** Give up after this many objective calls (default unlimited). */
  maxEvaluations?: number;
  /**
   * Give up as soon as a step would take a coordinate beyond ±box: for
   * log-parameters that means the fit is running off to a boundary, where
   * more steps only cost time (default unlimited).
   */
  box?: number;
};

export type MinimizeResult = {
  point: Float64Array;
  value: number;
  gradientNorm: number;
  iterations: number;
  evaluations: number;
  converged: boolean;
};

/**
 * Wraps a value-only function with a central-difference gradient, for models
 * whose analytic derivatives would need derivatives of ₂F₁ in its parameters.
 */
export function withNumericGradient(value: (point: Float64Array) => number, step = 1e-5): Objective {
  let probe = new Float64Array(0);
  return (point, gradient) => {
    if (probe.length !== point.length) probe = new Float64Array(point.length);
    probe.set(point);
    for (let index = 0; index < point.length; index += 1) {
      const origin = point[index]!;
      probe[index] = origin + step;
      const up = value(probe);
      probe[index] = origin - step;
      const down = value(probe);
      probe[index] = origin;
      gradient[index] = (up - down) / (2 * step);
    }
    return value(point);
  };
}

/** Log-parameters beyond ±14 (about 1e-6 to 1e6) mean a fit is running off to a boundary. */
export const LOG_PARAMETER_BOX = 14;

/**
 * Options every model fit uses: stop as soon as a step leaves the box, and
 * after a bounded number of objective calls (a converging fit needs a few
 * dozen), so data without an interior maximum fail fast instead of grinding.
 */
export const FIT_LIMITS = { box: LOG_PARAMETER_BOX, maxEvaluations: 300 } as const;

/**
 * True when every log-parameter stays within e^±14 (about 1e-6 to 1e6). A fit
 * that drifts beyond has no interior maximum (the data cannot identify the
 * model), even if its gradient has flattened out.
 */
export function isInterior(logParams: Float64Array, limit = LOG_PARAMETER_BOX): boolean {
  return logParams.every((value) => Math.abs(value) <= limit);
}

function maxAbs(values: Float64Array): number {
  let largest = 0;
  for (const value of values) largest = Math.max(largest, Math.abs(value));
  return largest;
}

/**
 * BFGS with a backtracking (Armijo) line search. It restarts from the identity
 * whenever the curvature information goes bad or a search fails, and reports
 * `converged` only when the gradient is actually small, so a caller can refuse
 * a fit that merely ran out of steps.
 */
export function minimize(objective: Objective, start: ArrayLike<number>, options: MinimizeOptions = {}): MinimizeResult {
  const tolerance = options.gradientTolerance ?? 1e-7;
  const maxIterations = options.maxIterations ?? 500;
  const maxEvaluations = options.maxEvaluations ?? Infinity;
  const box = options.box ?? Infinity;
  const n = start.length;
  const point = Float64Array.from(start);
  const gradient = new Float64Array(n);
  const trial = new Float64Array(n);
  const trialGradient = new Float64Array(n);
  const direction = new Float64Array(n);
  const step = new Float64Array(n);
  const change = new Float64Array(n);
  const inverseHessian = new Float64Array(n * n);
  const resetHessian = (scale: number) => {
    inverseHessian.fill(0);
    for (let index = 0; index < n; index += 1) inverseHessian[index * n + index] = scale;
  };

  let value = objective(point, gradient);
  let evaluations = 1;
  if (!Number.isFinite(value)) return { point, value, gradientNorm: Infinity, iterations: 0, evaluations, converged: false };
  resetHessian(1 / Math.max(1, maxAbs(gradient)));
  let freshHessian = true;
  let iterations = 0;

  while (iterations < maxIterations && evaluations < maxEvaluations && maxAbs(gradient) > tolerance) {
    iterations += 1;
    let slope = 0;
    for (let row = 0; row < n; row += 1) {
      let sum = 0;
      for (let column = 0; column < n; column += 1) sum -= inverseHessian[row * n + column]! * gradient[column]!;
      direction[row] = sum;
      slope += sum * gradient[row]!;
    }
    if (!(slope < 0)) {
      if (freshHessian) break;
      resetHessian(1 / Math.max(1, maxAbs(gradient)));
      freshHessian = true;
      continue;
    }

    let length = 1;
    let trialValue = Infinity;
    for (let attempt = 0; attempt < 60 && evaluations < maxEvaluations; attempt += 1) {
      for (let index = 0; index < n; index += 1) trial[index] = point[index]! + length * direction[index]!;
      // A step out of the box is not evaluated: out there the objective is flat and often slow to compute.
      if (maxAbs(trial) > box) break;
      trialValue = objective(trial, trialGradient);
      evaluations += 1;
      if (Number.isFinite(trialValue) && trialValue <= value + 1e-4 * length * slope) break;
      trialValue = Infinity;
      length *= 0.3;
    }
    if (trialValue === Infinity) {
      if (freshHessian || maxAbs(trial) > box) break;
      resetHessian(1 / Math.max(1, maxAbs(gradient)));
      freshHessian = true;
      continue;
    }

    let curvature = 0;
    let changeNorm = 0;
    for (let index = 0; index < n; index += 1) {
      step[index] = trial[index]! - point[index]!;
      change[index] = trialGradient[index]! - gradient[index]!;
      curvature += step[index]! * change[index]!;
      changeNorm += change[index]! * change[index]!;
    }
    point.set(trial);
    gradient.set(trialGradient);
    value = trialValue;

    if (curvature > 1e-12 * Math.sqrt(changeNorm)) {
      if (freshHessian) resetHessian(curvature / changeNorm);
      updateInverseHessian(inverseHessian, step, change, curvature, n);
      freshHessian = false;
    }
  }
  const gradientNorm = maxAbs(gradient);
  return { point, value, gradientNorm, iterations, evaluations, converged: gradientNorm <= tolerance };
}

/** The BFGS update H ← (I − ρsyᵀ) H (I − ρysᵀ) + ρssᵀ with ρ = 1/(yᵀs). */
function updateInverseHessian(h: Float64Array, s: Float64Array, y: Float64Array, curvature: number, n: number): void {
  const rho = 1 / curvature;
  const hy = new Float64Array(n);
  let yhy = 0;
  for (let row = 0; row < n; row += 1) {
    let sum = 0;
    for (let column = 0; column < n; column += 1) sum += h[row * n + column]! * y[column]!;
    hy[row] = sum;
    yhy += y[row]! * sum;
  }
  const factor = (1 + rho * yhy) * rho;
  for (let row = 0; row < n; row += 1) {
    for (let column = 0; column < n; column += 1) {
      h[row * n + column] = h[row * n + column]! - rho * (hy[row]! * s[column]! + s[row]! * hy[column]!) + factor * s[row]! * s[column]!;
    }
  }
}
