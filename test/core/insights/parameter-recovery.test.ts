import { describe, expect, it } from 'vitest';
import { fitBgnbd, seededRandom, simulateBgnbdHistories } from '../../../src-main/core/insights/clv/index.ts';

describe('BG/NBD parameter recovery', () => {
  // 100,000 simulated customers over a 52-week calibration period. At this size
  // the sampling error is about 1% for r and α and about 4% for a and b, so the
  // tolerances are 3% for r and α and 10% for a and b.
  it('recovers the CDNOW parameters from 100,000 simulated customers', () => {
    const truth = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
    const histories = simulateBgnbdHistories(truth, { customers: 100_000, acquisitionDays: 84, calibrationDays: 364, random: seededRandom(20050101) });
    const { params } = fitBgnbd(histories);
    expect(Math.abs(params.r / truth.r - 1)).toBeLessThan(0.03);
    expect(Math.abs(params.alpha / truth.alpha - 1)).toBeLessThan(0.03);
    expect(Math.abs(params.a / truth.a - 1)).toBeLessThan(0.1);
    expect(Math.abs(params.b / truth.b - 1)).toBeLessThan(0.1);
  });
});
