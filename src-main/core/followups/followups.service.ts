import type { CoreEvent, EventPayload } from '../../../shared/api/events.ts';
import { AppError } from '../../../shared/api/errors.ts';
import type { CompleteFollowup, Completed, Followup, FollowupFields, FollowupKind, NewFollowup, SnoozeFollowup, UpdateFollowup } from '../../../shared/followups/followups.schemas.ts';
import type { InteractionKind } from '../../../shared/history/history.schemas.ts';
import { nowOf, type CoreContext } from '../context.ts';
import { findContactBriefs, type ContactBrief } from '../contacts/contacts.service.ts';
import { nextTimestamp } from '../db/clock.ts';
import type { Db } from '../db/handle.ts';
import { newId } from '../db/ids.ts';
import { mutate } from '../db/mutation.ts';
import { logInteractionForIn } from '../history/history.service.ts';
import { fieldsToRow, newFollowupRow, rowToFollowup } from './followups.mapping.ts';
import { findContactFollowups, findFollowupById, insertFollowup, moveFollowups, setFollowupsContact, updateFollowupRow } from './followups.repository.ts';
import type { FollowupRow } from './followups.table.ts';
import { addToDate, localMoment } from './local-calendar.ts';
import { sampleFollowups } from './sample-followups.ts';

type Reason = EventPayload<'followups.changed'>['reason'];

function changed(rows: FollowupRow[], reason: Reason): CoreEvent {
  return { name: 'followups.changed', payload: { ids: rows.map((row) => row.id), contactIds: [...new Set(rows.map((row) => row.contact_id))], reason } };
}

/** What Mark done logs in history for each kind of follow-up. */
const interactionKind: Record<FollowupKind, InteractionKind> = {
  handwritten_note: 'handwritten_note',
  card: 'handwritten_note',
  thank_you_call: 'call',
  gift: 'gift',
  call: 'call',
  email: 'email',
  text: 'text_message',
  visit: 'visit',
  other: 'note',
};

const contactProblem = (message: string) =>
  new AppError('VALIDATION', `Please check: Contact: ${message}`, { fields: [{ path: 'contactId', message }] });

async function requireLiveContact(db: Db, contactId: string): Promise<ContactBrief> {
  const [contact] = await findContactBriefs(db, [contactId]);
  if (!contact) throw contactProblem('That contact no longer exists.');
  if (contact.inTrash) throw contactProblem(`${contact.displayName} is in the Trash. Restore them first to plan a follow-up.`);
  return contact;
}

async function requireFollowup(db: Db, id: string): Promise<FollowupRow> {
  const row = await findFollowupById(db, id);
  if (!row) throw new AppError('NOT_FOUND', 'That follow-up no longer exists.', { id });
  return row;
}

async function requireOpen(db: Db, id: string): Promise<FollowupRow> {
  const row = await requireFollowup(db, id);
  if (row.deleted_at !== null) throw new AppError('CONFLICT', 'That follow-up is in the Trash. Restore it first.', { id });
  if (row.status !== 'open') throw new AppError('CONFLICT', `That follow-up is already ${row.status === 'done' ? 'done' : 'skipped'}.`, { id });
  return row;
}

export async function createFollowup(ctx: CoreContext, input: NewFollowup): Promise<Followup> {
  const row = await mutate(ctx, {
    run: async (tx) => {
      await requireLiveContact(tx, input.contactId);
      const now = nextTimestamp(undefined, nowOf(ctx));
      return insertFollowup(tx, newFollowupRow(input.contactId, input, now));
    },
    changed: (created) => changed([created], 'created'),
  });
  return rowToFollowup(row);
}

export async function updateFollowup(ctx: CoreContext, input: UpdateFollowup): Promise<Followup> {
  const row = await mutate(ctx, {
    unchangedSince: {
      expectedUpdatedAt: input.expectedUpdatedAt,
      read: (tx) => requireFollowup(tx, input.id),
      conflict: async (_tx, current) =>
        new AppError('CONFLICT', 'This follow-up was changed elsewhere since you opened it. Review it and save again.', { current: rowToFollowup(current) }),
    },
    run: (tx, current) => updateFollowupRow(tx, current.id, { ...fieldsToRow(input.fields, current), updated_at: nextTimestamp(current.updated_at, nowOf(ctx)) }),
    changed: (updated) => changed([updated], 'updated'),
  });
  return rowToFollowup(row);
}

export async function getFollowup(ctx: CoreContext, id: string): Promise<Followup> {
  return rowToFollowup(await requireFollowup(ctx.db, id));
}

export async function listFollowups(ctx: CoreContext, query: { contactId: string; status?: FollowupRow['status'] }): Promise<Followup[]> {
  return (await findContactFollowups(ctx.db, query.contactId, query.status)).map(rowToFollowup);
}

/** The next of a recurring series: from its anchor, so the day of the month is kept where it exists. */
async function insertNext(db: Db, row: FollowupRow, now: string): Promise<FollowupRow | null> {
  if (row.recurrence_every === null || row.recurrence_unit === null) return null;
  const anchor = row.recurrence_anchor ?? row.due_date;
  const step = row.recurrence_step + 1;
  return insertFollowup(db, {
    ...row,
    id: newId(),
    due_date: addToDate(anchor, row.recurrence_every * step, row.recurrence_unit),
    recurrence_anchor: anchor,
    recurrence_step: step,
    status: 'open',
    snoozed_from: null,
    completed_at: null,
    interaction_id: null,
    announced_at: null,
    created_at: now,
    updated_at: now,
    deleted_at: null,
  });
}

/** Mark done: logs the matching interaction in history and plans the next of a series, all in one transaction. */
export async function completeFollowup(ctx: CoreContext, input: CompleteFollowup): Promise<Completed> {
  const done = await mutate(ctx, {
    run: async (tx) => {
      const current = await requireOpen(tx, input.id);
      const contact = await requireLiveContact(tx, current.contact_id);
      const at = nowOf(ctx);
      const now = nextTimestamp(current.updated_at, at);
      const interaction = await logInteractionForIn(tx, now, contact, {
        contactId: current.contact_id,
        kind: interactionKind[current.kind],
        direction: 'outbound',
        channel: null,
        occurredAt: new Date(at).toISOString(),
        summary: current.prompt === '' ? current.title : `${current.title}\n${current.prompt}`,
        reasons: [],
        outcome: input.outcome,
        minutes: null,
        costCents: 0,
        referredById: null,
        followupId: current.id,
      });
      const followup = await updateFollowupRow(tx, current.id, { status: 'done', completed_at: now, interaction_id: interaction.id, updated_at: now });
      return { followup, interaction, next: await insertNext(tx, current, now) };
    },
    changed: ({ followup, next }) => changed(next ? [followup, next] : [followup], 'completed'),
  });
  return { followup: rowToFollowup(done.followup), interaction: done.interaction, next: done.next && rowToFollowup(done.next) };
}

/** Skipping one of a series plans the next, as doing it would. */
export async function skipFollowup(ctx: CoreContext, id: string): Promise<Followup> {
  const { skipped } = await mutate(ctx, {
    run: async (tx) => {
      const current = await requireOpen(tx, id);
      const now = nextTimestamp(current.updated_at, nowOf(ctx));
      const next = await insertNext(tx, current, now);
      return { skipped: await updateFollowupRow(tx, id, { status: 'skipped', updated_at: now }), next };
    },
    changed: ({ skipped, next }) => changed(next ? [skipped, next] : [skipped], 'skipped'),
  });
  return rowToFollowup(skipped);
}

/** Moves the due date (today or later); it is announced again on its new day. */
export async function snoozeFollowup(ctx: CoreContext, input: SnoozeFollowup): Promise<Followup> {
  const today = localMoment(nowOf(ctx)).date;
  if (input.until < today) {
    const message = `Choose today (${today}) or a later day.`;
    throw new AppError('VALIDATION', `Please check: Snooze until: ${message}`, { fields: [{ path: 'until', message }] });
  }
  const row = await mutate(ctx, {
    run: async (tx) => {
      const current = await requireOpen(tx, input.id);
      return updateFollowupRow(tx, current.id, {
        due_date: input.until,
        snoozed_from: current.snoozed_from ?? current.due_date,
        announced_at: null,
        updated_at: nextTimestamp(current.updated_at, nowOf(ctx)),
      });
    },
    changed: (snoozed) => changed([snoozed], 'snoozed'),
  });
  return rowToFollowup(row);
}

async function setDeleted(ctx: CoreContext, id: string, deleted: boolean): Promise<Followup> {
  const row = await mutate(ctx, {
    run: async (tx) => {
      const current = await requireFollowup(tx, id);
      const now = nextTimestamp(current.updated_at, nowOf(ctx));
      return updateFollowupRow(tx, id, { deleted_at: deleted ? now : null, updated_at: now });
    },
    changed: (updated) => changed([updated], deleted ? 'deleted' : 'restored'),
  });
  return rowToFollowup(row);
}

export const deleteFollowup = (ctx: CoreContext, id: string) => setDeleted(ctx, id, true);
export const restoreFollowup = (ctx: CoreContext, id: string) => setDeleted(ctx, id, false);

/**
 * "Load sample data": plans the sample follow-ups for these people, relative to
 * today (some overdue, some today, some upcoming), inside the caller's write.
 */
export async function seedSampleFollowupsIn(db: Db, now: string, personIds: string[]): Promise<number> {
  const today = localMoment(Date.parse(now)).date;
  const planned = sampleFollowups.slice(0, personIds.length);
  for (const [index, { inDays, fields }] of planned.entries()) {
    await insertFollowup(db, newFollowupRow(personIds[index]!, { ...fields, dueDate: addToDate(today, inDays, 'days') }, now));
  }
  return planned.length;
}

/** Every follow-up of one contact moves to another (a merge); returns their ids, for the undo. */
export async function moveFollowupsIn(db: Db, fromId: string, toId: string): Promise<string[]> {
  return moveFollowups(db, fromId, toId);
}

/** Follow-ups a merge moved go back to their contact (the merge undone). */
export async function putFollowupsBackIn(db: Db, ids: string[], contactId: string): Promise<void> {
  await setFollowupsContact(db, ids, contactId);
}

// For follow-up plans, which make and remove follow-ups inside their own write.
export { addToDate, localMoment } from './local-calendar.ts';

/** Makes these follow-ups for one contact inside the caller's transaction (a plan's steps); their ids, in order. */
export async function createFollowupsIn(db: Db, now: string, contactId: string, items: FollowupFields[]): Promise<string[]> {
  const ids: string[] = [];
  for (const fields of items) ids.push((await insertFollowup(db, newFollowupRow(contactId, fields, now))).id);
  return ids;
}

/** Moves the open ones of these follow-ups to the Trash (a plan cancelled); done and skipped ones stay. Their ids. */
export async function deleteOpenFollowupsIn(db: Db, now: string, ids: string[]): Promise<string[]> {
  const deleted: string[] = [];
  for (const id of ids) {
    const row = await findFollowupById(db, id);
    if (!row || row.status !== 'open' || row.deleted_at !== null) continue;
    await updateFollowupRow(db, id, { deleted_at: now, updated_at: nextTimestamp(row.updated_at, Date.parse(now)) });
    deleted.push(id);
  }
  return deleted;
}
