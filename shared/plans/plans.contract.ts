import { z } from 'zod';
import type { ContractSlice } from '../api/slices.ts';
import { CancelRun, HeldBackTouch, ListRuns, Plan, PlanFields, PlanId, PlanPreview, PlanRun, SetPlanEnabled, StartPlan, UpdatePlan } from './plans.schemas.ts';

const ById = z.object({ id: PlanId });

/** Follow-up plans: named sequences of steps from an anchor date, started by hand or by events. */
export const plansContract = {
  'plans.list': { input: z.object({}), output: z.array(Plan) },
  'plans.get': { input: ById, output: Plan },
  'plans.create': { input: PlanFields, output: Plan },
  'plans.update': { input: UpdatePlan, output: Plan },
  'plans.duplicate': { input: ById, output: Plan },
  'plans.setEnabled': { input: SetPlanEnabled, output: Plan },
  /** Every step's date, time and filled prompt, before the user confirms. */
  'plans.preview': { input: StartPlan, output: PlanPreview },
  /** All the plan's follow-ups in one transaction, or none. */
  'plans.start': { input: StartPlan, output: PlanRun },
  /** Its open follow-ups go; done ones stay in history. */
  'plans.cancel': { input: CancelRun, output: PlanRun },
  'plans.runs': { input: ListRuns, output: z.array(PlanRun) },
  'plans.heldBack': { input: z.object({}), output: z.array(HeldBackTouch) },
} as const satisfies ContractSlice;
