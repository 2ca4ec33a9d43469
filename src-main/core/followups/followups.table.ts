import type { Insertable, Selectable, Updateable } from 'kysely';

export interface FollowupTable {
  id: string;
  contact_id: string;
  kind: 'handwritten_note' | 'card' | 'thank_you_call' | 'gift' | 'call' | 'email' | 'text' | 'visit' | 'other';
  title: string;
  /** Local `YYYY-MM-DD`. */
  due_date: string;
  /** Local `HH:MM`, or null: due from the start of the day. */
  due_time: string | null;
  prompt: string;
  recurrence_every: number | null;
  recurrence_unit: 'days' | 'weeks' | 'months' | 'years' | null;
  /** The first due date of the series: occurrence k is anchor + k × every. */
  recurrence_anchor: string | null;
  recurrence_step: number;
  status: 'open' | 'done' | 'skipped';
  snoozed_from: string | null;
  completed_at: string | null;
  interaction_id: string | null;
  /** When the scheduler announced it as due; null until then. */
  announced_at: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}
export type FollowupRow = Selectable<FollowupTable>;
export type NewFollowupRow = Insertable<FollowupTable>;
export type FollowupRowUpdate = Updateable<FollowupTable>;
