import type { insightsContract } from '../../../shared/insights/insights.contract.ts';
import type { HandlersFor } from '../handler.ts';
import * as figures from './figures.service.ts';
import * as loyalty from './loyalty.service.ts';
import * as recompute from './recompute.service.ts';

/** The core's side of the insights slice of the contract. */
export const insightsHandlers = {
  'insights.customer': (ctx, input) => figures.customerInsight(ctx, input),
  'insights.overview': (ctx, input) => figures.overview(ctx, input),
  'insights.customers': (ctx, input) => figures.customerTable(ctx, input),
  'insights.exportTable': (ctx, input) => figures.exportTable(ctx, input),
  'insights.status': (ctx) => recompute.recomputeStatus(ctx),
  'insights.recompute': (ctx) => recompute.recomputeNow(ctx),
  'loyalty.standing': (ctx, input) => loyalty.standing(ctx, input.contactId),
  'loyalty.recordScore': (ctx, input) => loyalty.recordScore(ctx, input),
  'loyalty.override': (ctx, input) => loyalty.overrideStage(ctx, input),
} satisfies HandlersFor<typeof insightsContract>;

export { insightsRecompute } from './recompute.service.ts';
