import type { Followup, FollowupFields, Recurrence } from '../../../shared/followups/followups.schemas.ts';
import { newId } from '../db/ids.ts';
import type { FollowupRow, FollowupRowUpdate, NewFollowupRow } from './followups.table.ts';

function recurrenceOf(row: FollowupRow): Recurrence | null {
  return row.recurrence_every === null || row.recurrence_unit === null ? null : { every: row.recurrence_every, unit: row.recurrence_unit };
}

export function rowToFollowup(row: FollowupRow): Followup {
  return {
    id: row.id,
    contactId: row.contact_id,
    kind: row.kind,
    title: row.title,
    dueDate: row.due_date,
    dueTime: row.due_time,
    prompt: row.prompt,
    recurrence: recurrenceOf(row),
    status: row.status,
    snoozedFrom: row.snoozed_from,
    completedAt: row.completed_at,
    interactionId: row.interaction_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
  };
}

/**
 * The columns the user's fields set. A new due date or a new rule starts the
 * series afresh from that date, and the follow-up is announced again when due.
 */
export function fieldsToRow(fields: FollowupFields, before?: FollowupRow): FollowupRowUpdate {
  const row: FollowupRowUpdate = {
    kind: fields.kind,
    title: fields.title,
    due_date: fields.dueDate,
    due_time: fields.dueTime,
    prompt: fields.prompt,
    recurrence_every: fields.recurrence?.every ?? null,
    recurrence_unit: fields.recurrence?.unit ?? null,
  };
  const sameRule = before !== undefined && before.recurrence_every === row.recurrence_every && before.recurrence_unit === row.recurrence_unit;
  const sameDue = before !== undefined && before.due_date === fields.dueDate && before.due_time === fields.dueTime;
  if (!sameRule || !sameDue) {
    row.recurrence_anchor = fields.recurrence ? fields.dueDate : null;
    row.recurrence_step = 0;
  }
  if (!sameDue) row.announced_at = null;
  return row;
}

/** A new open follow-up; a recurring one anchors its series on its due date. */
export function newFollowupRow(contactId: string, fields: FollowupFields, now: string): NewFollowupRow {
  return {
    id: newId(),
    contact_id: contactId,
    kind: fields.kind,
    title: fields.title,
    due_date: fields.dueDate,
    due_time: fields.dueTime,
    prompt: fields.prompt,
    recurrence_every: fields.recurrence?.every ?? null,
    recurrence_unit: fields.recurrence?.unit ?? null,
    recurrence_anchor: fields.recurrence ? fields.dueDate : null,
    recurrence_step: 0,
    status: 'open',
    created_at: now,
    updated_at: now,
  };
}
