import type { Plan, PlanPreview, PlanRun } from '../../shared/plans/plans.schemas.ts';
import { at, handClock, openFollowupsCore } from './followups-core.ts';

/** A real core on a temp folder, its clock at 09:00 on 2 December 2026 (a Wednesday), with shortcuts for plans. */
export async function openPlansCore(today = '2026-12-02') {
  const app = await openFollowupsCore(handClock(at(today)));
  const plans = async () => app.call<Plan[]>('plans.list');
  return {
    ...app,
    plans,
    plan: async (name: string) => {
      const found = (await plans()).find((plan) => plan.name === name);
      if (!found) throw new Error(`no plan called ${name}`);
      return found;
    },
    preview: (input: object) => app.call<PlanPreview>('plans.preview', input),
    start: (input: object) => app.call<PlanRun>('plans.start', input),
    runs: (input: object = {}) => app.call<PlanRun[]>('plans.runs', input),
    /** The refusal's code, message and the fields it names. */
    refusal: async (method: string, input: object) => {
      const result = await app.core.dispatch(method, input);
      if (result.ok) throw new Error(`expected ${method} to be refused`);
      const fields = (result.error.details as { fields?: Array<{ path: string }> } | undefined)?.fields ?? [];
      return { code: result.error.code, message: result.error.message, paths: fields.map((field) => field.path) };
    },
  };
}

export type PlansCore = Awaited<ReturnType<typeof openPlansCore>>;

/** What a step comes to, in a line a test compares. */
export const dated = (steps: Array<{ kind: string; dueDate: string; dueTime: string | null }>) => steps.map((step) => `${step.kind} ${step.dueDate}${step.dueTime ? ` ${step.dueTime}` : ''}`);
