import type { plansContract } from '../../../shared/plans/plans.contract.ts';
import type { HandlersFor } from '../handler.ts';
import * as plans from './plans.service.ts';

/** The core's side of the plans slice of the contract. */
export const plansHandlers = {
  'plans.list': (ctx) => plans.listPlans(ctx),
  'plans.get': (ctx, input) => plans.getPlan(ctx, input.id),
  'plans.create': (ctx, input) => plans.createPlan(ctx, input),
  'plans.update': (ctx, input) => plans.updatePlan(ctx, input),
  'plans.duplicate': (ctx, input) => plans.duplicatePlan(ctx, input.id),
  'plans.setEnabled': (ctx, input) => plans.setPlanEnabled(ctx, input),
  'plans.preview': (ctx, input) => plans.previewPlan(ctx, input),
  'plans.start': (ctx, input) => plans.startPlan(ctx, input),
  'plans.cancel': (ctx, input) => plans.cancelRun(ctx, input.runId),
  'plans.runs': (ctx, input) => plans.listRuns(ctx, input),
  'plans.heldBack': (ctx) => plans.listHeldBack(ctx),
} satisfies HandlersFor<typeof plansContract>;
