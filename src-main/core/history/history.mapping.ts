import type { Interaction, InteractionFields } from '../../../shared/history/history.schemas.ts';
import { foldText } from '../db/text-search.ts';
import type { InteractionRow, InteractionSearchTable, NewInteractionRow } from './history.table.ts';

export type Fields = InteractionFields;

/** What an hour of time costs, spread over the minutes spent, plus money spent; whole cents. */
export function costToServe(minutes: number, costCents: number, hourlyCostCents: number): number {
  return Math.round((minutes * hourlyCostCents) / 60) + costCents;
}

/** The columns the user's fields fill; ids, costs and timestamps are the caller's. */
export function fieldsToRow(fields: Fields): Omit<NewInteractionRow, 'id' | 'contact_id' | 'minutes' | 'cost_to_serve_cents' | 'followup_id' | 'created_at' | 'updated_at'> {
  return {
    kind: fields.kind,
    direction: fields.direction,
    channel: fields.channel,
    // One spelling of each instant, so the timeline's text order is time order.
    occurred_at: new Date(fields.occurredAt).toISOString(),
    summary: fields.summary,
    reasons: JSON.stringify(fields.reasons),
    outcome: fields.outcome,
    cost_cents: fields.costCents,
    referred_by_id: fields.referredById,
  };
}

export function rowToInteraction(row: InteractionRow): Interaction {
  return {
    id: row.id,
    contactId: row.contact_id,
    kind: row.kind,
    direction: row.direction,
    channel: row.channel,
    occurredAt: row.occurred_at,
    summary: row.summary,
    reasons: JSON.parse(row.reasons) as string[],
    outcome: row.outcome,
    minutes: row.minutes,
    costCents: row.cost_cents,
    costToServeCents: row.cost_to_serve_cents,
    referredById: row.referred_by_id,
    followupId: row.followup_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
  };
}

/** Folded like contacts' entries; reasons one per line, so a snippet shows whole tags. */
export function searchEntryOf(row: InteractionRow): InteractionSearchTable {
  return {
    rowid: row.num,
    summary: foldText(row.summary),
    outcome: foldText(row.outcome),
    reasons: foldText((JSON.parse(row.reasons) as string[]).join('\n')),
  };
}
