import type { Insertable, Selectable } from 'kysely';

export interface PlanTable {
  id: string;
  name: string;
  description: string;
  enabled: number;
  skip_weekends: number;
  /** JSON: PlanTrigger[]. */
  triggers: string;
  /** JSON: PlanStep[]. */
  steps: string;
  /** home_closing, new_customer_welcome, rate_inquiry, complaint_recovery; null for the user's own. */
  built_in: string | null;
  created_at: string;
  updated_at: string;
}
export type PlanRow = Selectable<PlanTable>;
export type NewPlanRow = Insertable<PlanTable>;

export interface PlanRunTable {
  id: string;
  plan_id: string;
  /** The plan's name when it started. */
  plan_name: string;
  contact_id: string;
  anchor_date: string;
  started_at: string;
  /** "By hand", or the trigger in words. */
  started_by: string;
  /** 1 when a trigger started it: its follow-ups count against the cap. */
  automatic: number;
  cancelled_at: string | null;
}
export type PlanRunRow = Selectable<PlanRunTable>;

/** A step as the run made it: kept, so an edit of the plan never changes a running one. */
export interface PlanRunStepTable {
  run_id: string;
  position: number;
  kind: string;
  title: string;
  prompt: string;
  due_date: string;
  due_time: string | null;
  followup_id: string | null;
}
export type PlanRunStepRow = Selectable<PlanRunStepTable>;

export interface PlanHeldBackTable {
  id: string;
  contact_id: string;
  plan_id: string;
  plan_name: string;
  step_title: string;
  due_date: string;
  reason: string;
  held_at: string;
}
export type PlanHeldBackRow = Selectable<PlanHeldBackTable>;
