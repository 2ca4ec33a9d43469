import { describe, expect, it } from 'vitest';
import { ClvError } from '../../../src-main/core/insights/clv/clv-errors.ts';
import { fitFromStarts, logParameters, purchaseScales } from '../../../src-main/core/insights/clv/fit-from-starts.ts';
import { FIT_LIMITS, minimize } from '../../../src-main/core/insights/clv/optimize.ts';
import type { Objective } from '../../../src-main/core/insights/clv/optimize.ts';

// (ln u − ln 2)² + (ln v − ln 3)², minimal at u = 2, v = 3; no value beyond ln u = 5.
const bowl: Objective = (point, gradient) => {
  if (point[0]! > 5) return Infinity;
  const du = point[0]! - Math.log(2);
  const dv = point[1]! - Math.log(3);
  gradient[0] = 2 * du;
  gradient[1] = 2 * dv;
  return du * du + dv * dv - 1;
};

const failure = (evaluations: number) => new ClvError('FIT_DID_NOT_CONVERGE', `gave up after ${evaluations}`);

describe('fitting from several starts', () => {
  it('moves on to the next start when one fails, and counts the calls of both', () => {
    const fit = fitFromStarts({
      names: ['u', 'v'],
      objective: bowl,
      starts: [
        { u: Math.exp(6), v: 1 },
        { u: 1, v: 1 },
      ],
      customers: 10,
      likelihoodsPerCall: 3,
      failure,
    });
    expect(Object.keys(fit.params)).toEqual(['u', 'v']);
    expect(fit.params.u).toBeCloseTo(2, 6);
    expect(fit.params.v).toBeCloseTo(3, 6);
    expect(fit.logLikelihood).toBeCloseTo(10, 6);
    // The first start costs its one refused call; each call counts as three likelihoods.
    const second = minimize(bowl, [0, 0], FIT_LIMITS);
    expect(fit.evaluations).toBe(3 * (1 + second.evaluations));
    expect(fit.iterations).toBe(second.iterations);
  });

  it('throws the model’s error, with the evaluations spent, when no start converges', () => {
    expect(() =>
      fitFromStarts({ names: ['u', 'v'], objective: bowl, starts: [{ u: Math.exp(6), v: 1 }, { u: Math.exp(7), v: 2 }], customers: 10, failure }),
    ).toThrow('gave up after 2');
  });

  it('reads and writes parameters in the order the objective takes them', () => {
    expect(Array.from(logParameters(['v', 'u'], { u: 1, v: Math.E }))).toEqual([1, 0]);
  });

  it('sets starts on the repeat rate and the mean time as a customer', () => {
    expect(purchaseScales([{ x: 3, tx: 5, T: 10 }, { x: 1, tx: 2, T: 30 }])).toEqual({ rate: 0.1, meanT: 20 });
  });
});
