import { AppError } from '../../../shared/api/errors.ts';
import type { RecomputeStatus } from '../../../shared/insights/insights.schemas.ts';
import type { BackgroundJob, CoreContext } from '../context.ts';

// PLACEHOLDERS until the values-and-ladder helper lands them: replaced, never shipped.
const notYet = (): never => {
  throw new AppError('INTERNAL', 'Not built yet.');
};
export async function recomputeStatus(_ctx: CoreContext): Promise<RecomputeStatus> {
  return notYet();
}
export async function recomputeNow(_ctx: CoreContext): Promise<RecomputeStatus> {
  return notYet();
}
/** Recomputes the figures a moment after purchases, history, scores or settings change. */
export const insightsRecompute: BackgroundJob = () => ({ settled: async () => {}, stop: async () => {} });
