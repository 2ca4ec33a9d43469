import type { Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { Direction, InteractionChannel, InteractionKind } from '../../../shared/history/history.schemas.ts';

export interface InteractionTable {
  num: Generated<number>;
  id: string;
  contact_id: string;
  kind: InteractionKind;
  direction: Direction;
  channel: InteractionChannel | null;
  occurred_at: string;
  summary: string;
  /** JSON array of the reason tags. */
  reasons: string;
  outcome: string;
  minutes: number;
  cost_cents: number;
  cost_to_serve_cents: number;
  referred_by_id: string | null;
  followup_id: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}
export type InteractionRow = Selectable<InteractionTable>;
export type NewInteractionRow = Insertable<InteractionTable>;
export type InteractionRowUpdate = Updateable<InteractionTable>;

/** FTS5 table; its rowid is `interactions.num`. Holds live interactions only. */
export interface InteractionSearchTable {
  rowid: number;
  summary: string;
  outcome: string;
  reasons: string;
}
