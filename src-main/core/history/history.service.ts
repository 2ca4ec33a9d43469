import type { CoreEvent, EventPayload } from '../../../shared/api/events.ts';
import { AppError } from '../../../shared/api/errors.ts';
import type { HistoryHit, Interaction, InteractionChannel, LogInteraction, TimelinePage } from '../../../shared/history/history.schemas.ts';
import { historyFieldLabels } from '../../../shared/history/history.labels.ts';
import { findContactBriefs, recordLastInteraction, type ContactBrief } from '../contacts/contacts.service.ts';
import { nowOf, type CoreContext } from '../context.ts';
import { nextTimestamp } from '../db/clock.ts';
import type { Db } from '../db/handle.ts';
import { newId } from '../db/ids.ts';
import { mutate } from '../db/mutation.ts';
import { fireInteractionTriggers } from '../plans/plans.service.ts';
import { readSettings } from '../settings/settings.service.ts';
import {
  addInteractionToIndex,
  countTimeline,
  findInteractionById,
  findRecentInteractions,
  clearInteractionIndex,
  findLiveInteractions,
  findTimelinePage,
  indexInteraction,
  insertInteractionEntries,
  moveInteractions,
  moveReferrals,
  setInteractionsContact,
  setReferrer,
  insertInteraction,
  latestOccurredAt,
  removeInteractionFromIndex,
  updateInteractionRow,
  type TimelinePosition,
} from './history.repository.ts';
import { costToServe, fieldsToRow, rowToInteraction, searchEntryOf, type Fields } from './history.mapping.ts';
import { searchHistory as searchHistoryIn } from './history-search.ts';
import type { InteractionRow } from './history.table.ts';
import { sampleHistory } from './sample-history.ts';

const dayMs = 24 * 60 * 60 * 1000;

type Reason = EventPayload<'history.changed'>['reason'];

/** A timeline changed, and with it each contact's last interaction (their page, Today's losing touch). */
function changed(contactIds: string[], reason: Reason): CoreEvent[] {
  const ids = [...new Set(contactIds)];
  return [
    { name: 'history.changed', payload: { contactIds: ids, reason } },
    { name: 'contacts.changed', payload: { ids, reason: 'updated' } },
  ];
}

function invalid(path: keyof typeof historyFieldLabels, problem: string): AppError {
  return new AppError('VALIDATION', `${historyFieldLabels[path]}: ${problem}`, { fields: [{ path, message: problem }] });
}

/** The contact the history belongs to, if it may get history now. */
async function requireLiveContact(db: Db, contactId: string): Promise<ContactBrief> {
  const [contact] = await findContactBriefs(db, [contactId]);
  if (!contact) throw invalid('contactId', 'that contact no longer exists. Choose another contact.');
  if (contact.inTrash) throw invalid('contactId', 'this contact is in the Trash. Restore it before adding to its history.');
  return contact;
}

async function checkFields(db: Db, contactId: string, fields: Fields, now: string): Promise<void> {
  if (Date.parse(fields.occurredAt) > Date.parse(now) + dayMs) {
    throw invalid('occurredAt', 'that is more than a day ahead; plan it as a follow-up instead.');
  }
  if (fields.referredById === null) return;
  if (fields.referredById === contactId) throw invalid('referredById', 'a contact cannot refer themselves. Choose who referred them.');
  const [referrer] = await findContactBriefs(db, [fields.referredById]);
  if (!referrer || referrer.inTrash) throw invalid('referredById', 'that contact is not in your contacts. Choose who referred them.');
}

/** Keeps the contact's last-interaction time; true when it changed. */
async function refreshLastInteraction(db: Db, contact: ContactBrief): Promise<boolean> {
  const latest = await latestOccurredAt(db, contact.id);
  if (latest === contact.lastInteractionAt) return false;
  await recordLastInteraction(db, contact.id, latest);
  return true;
}

/**
 * Logs one interaction inside the caller's transaction: for a follow-up's Mark
 * done, which writes both in one. Checks the contact and the fields, fills in the
 * kind's minutes, keeps the cost to serve and the contact's last interaction.
 */
export async function logInteractionIn(db: Db, now: string, input: LogInteraction & { followupId: string | null }): Promise<Interaction> {
  return logInteractionForIn(db, now, await requireLiveContact(db, input.contactId), input);
}

/** As `logInteractionIn`, for a caller that has just read the contact (Mark done) and need not read it twice. */
export async function logInteractionForIn(db: Db, now: string, contact: ContactBrief, input: LogInteraction & { followupId: string | null }): Promise<Interaction> {
  if (contact.inTrash) throw invalid('contactId', 'this contact is in the Trash. Restore it before adding to its history.');
  await checkFields(db, contact.id, input, now);
  const settings = await readSettings(db);
  const minutes = input.minutes ?? settings.minutesByKind[input.kind] ?? 0;
  const row = await insertInteraction(db, {
    id: newId(),
    contact_id: contact.id,
    ...fieldsToRow({ ...input, channel: input.channel ?? channelOf(contact) }),
    minutes,
    cost_to_serve_cents: costToServe(minutes, input.costCents, settings.hourlyCostCents),
    followup_id: input.followupId,
    created_at: now,
    updated_at: now,
  });
  await addInteractionToIndex(db, searchEntryOf(row));
  // A new live interaction can only move the last interaction later: no need to look for the newest again.
  if (contact.lastInteractionAt === null || row.occurred_at > contact.lastInteractionAt) await recordLastInteraction(db, contact.id, row.occurred_at);
  return rowToInteraction(row);
}

/** The contact's preferred way to be reached, as the channel an interaction went through. */
function channelOf(contact: ContactBrief): InteractionChannel | null {
  return contact.preferredChannel;
}

/** The newest `perContact` interactions of each contact (the Today view shows three), by contact id. */
export async function recentInteractions(db: Db, contactIds: string[], perContact: number): Promise<Map<string, Interaction[]>> {
  const rows = await findRecentInteractions(db, [...new Set(contactIds)], perContact);
  const byContact = new Map<string, Interaction[]>(contactIds.map((id) => [id, []]));
  for (const row of rows) byContact.get(row.contact_id)!.push(rowToInteraction(row));
  return byContact;
}

/** Logs what the user tells; a plan it triggers (an inquiry about rates, a complaint) starts in the same write. */
export async function logInteraction(ctx: CoreContext, input: LogInteraction): Promise<Interaction> {
  const { interaction } = await mutate(ctx, {
    run: async (tx) => {
      const interaction = await logInteractionIn(tx, nextTimestamp(), { ...input, followupId: null });
      return { interaction, triggered: await fireInteractionTriggers(tx, nowOf(ctx), interaction) };
    },
    changed: ({ interaction, triggered }) => [...changed([interaction.contactId], 'logged'), ...triggered],
  });
  return interaction;
}

async function requireInteraction(db: Db, id: string): Promise<InteractionRow> {
  const row = await findInteractionById(db, id);
  if (!row) throw new AppError('NOT_FOUND', 'That interaction no longer exists. It may have been deleted for good.', { id });
  return row;
}

export async function updateInteraction(ctx: CoreContext, input: { id: string; expectedUpdatedAt: string; fields: Fields }): Promise<Interaction> {
  return mutate(ctx, {
    unchangedSince: {
      expectedUpdatedAt: input.expectedUpdatedAt,
      read: async (tx) => {
        const current = await requireInteraction(tx, input.id);
        if (current.deleted_at !== null) throw new AppError('CONFLICT', 'This interaction was deleted. Restore it before editing.', { id: input.id });
        return current;
      },
      conflict: async (_tx, current) =>
        new AppError('CONFLICT', 'This interaction was changed somewhere else after you started editing. Reload it, then make your change again.', {
          current: rowToInteraction(current),
        }),
    },
    run: async (tx, current) => {
      const now = nextTimestamp(current.updated_at);
      const contact = await requireLiveContact(tx, current.contact_id);
      const { fields } = input;
      await checkFields(tx, contact.id, fields, now);
      const settings = await readSettings(tx);
      // Left blank on the same kind, the minutes stay as logged; a new kind takes its default.
      const minutes = fields.minutes ?? (fields.kind === current.kind ? current.minutes : (settings.minutesByKind[fields.kind] ?? 0));
      // The cost was fixed at the hourly cost of its time; only new minutes or money change it.
      const sameCost = minutes === current.minutes && fields.costCents === current.cost_cents;
      const row = await updateInteractionRow(tx, current.id, {
        ...fieldsToRow({ ...fields, channel: fields.channel ?? current.channel }),
        minutes,
        cost_to_serve_cents: sameCost ? current.cost_to_serve_cents : costToServe(minutes, fields.costCents, settings.hourlyCostCents),
        updated_at: now,
      });
      await indexInteraction(tx, searchEntryOf(row));
      await refreshLastInteraction(tx, contact);
      return rowToInteraction(row);
    },
    changed: (interaction) => changed([interaction.contactId], 'updated'),
  });
}

export async function getInteraction(ctx: CoreContext, id: string): Promise<Interaction> {
  return rowToInteraction(await requireInteraction(ctx.db, id));
}

/** Soft delete or restore: the interaction leaves or rejoins the timeline, the search and the last-interaction time. */
async function setDeleted(ctx: CoreContext, id: string, deleted: boolean): Promise<Interaction> {
  return mutate(ctx, {
    run: async (tx) => {
      const current = await requireInteraction(tx, id);
      if ((current.deleted_at !== null) === deleted) return rowToInteraction(current);
      const now = nextTimestamp(current.updated_at);
      const row = await updateInteractionRow(tx, id, { deleted_at: deleted ? now : null, updated_at: now });
      if (deleted) await removeInteractionFromIndex(tx, row.num);
      else await indexInteraction(tx, searchEntryOf(row));
      const [contact] = await findContactBriefs(tx, [row.contact_id]);
      if (contact) await refreshLastInteraction(tx, contact);
      return rowToInteraction(row);
    },
    changed: (interaction) => changed([interaction.contactId], deleted ? 'deleted' : 'restored'),
  });
}

export const deleteInteraction = (ctx: CoreContext, id: string) => setDeleted(ctx, id, true);
export const restoreInteraction = (ctx: CoreContext, id: string) => setDeleted(ctx, id, false);

function encodeCursor(position: TimelinePosition): string {
  return Buffer.from(JSON.stringify([position.occurredAt, position.id])).toString('base64url');
}

function decodeCursor(cursor: string): TimelinePosition {
  try {
    const [occurredAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof occurredAt === 'string' && typeof id === 'string') return { occurredAt, id };
  } catch {
    // fall through to the error below
  }
  throw new AppError('VALIDATION', 'That page link is not valid any more. Start again from the first page.', {
    fields: [{ path: 'cursor', message: 'Not a cursor from a previous page.' }],
  });
}

/** A contact's history, newest first. A contact in the Trash shows none: its history went with it. */
export async function timeline(ctx: CoreContext, query: { contactId: string; cursor?: string | undefined; limit: number }): Promise<TimelinePage> {
  const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
  const [contact] = await findContactBriefs(ctx.db, [query.contactId]);
  if (!contact) throw new AppError('NOT_FOUND', 'That contact no longer exists. It may have been deleted for good.', { id: query.contactId });
  if (contact.inTrash) return { items: [], nextCursor: null, total: 0 };
  // One row more than asked tells whether a next page exists.
  const [rows, total] = await Promise.all([
    findTimelinePage(ctx.db, contact.id, after, query.limit + 1),
    countTimeline(ctx.db, contact.id),
  ]);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map(rowToInteraction),
    nextCursor: last && rows.length > query.limit ? encodeCursor({ occurredAt: last.occurred_at, id: last.id }) : null,
    total,
  };
}

export async function searchHistory(ctx: CoreContext, query: { query: string; limit: number }): Promise<HistoryHit[]> {
  return searchHistoryIn(ctx.db, query);
}

/** Logs the sample history for freshly made sample people, inside the sample's own transaction. */
export async function seedSampleHistoryIn(db: Db, now: string, personIds: string[]): Promise<number> {
  const entries = sampleHistory(personIds, now);
  for (const entry of entries) await logInteractionIn(db, now, { ...entry, followupId: null });
  return entries.length;
}

/** What a merge moved in history: put back exactly by `putHistoryBackIn`. */
export type MovedHistory = { interactionIds: string[]; referralIds: string[] };

/** Every interaction of one contact moves to another, and so do the referrals it made; both last-interaction times follow. */
export async function moveHistoryIn(db: Db, fromId: string, toId: string): Promise<MovedHistory> {
  const interactionIds = await moveInteractions(db, fromId, toId);
  const referralIds = await moveReferrals(db, fromId, toId);
  await refreshBoth(db, fromId, toId);
  return { interactionIds, referralIds };
}

export async function putHistoryBackIn(db: Db, moved: MovedHistory, toId: string, fromId: string): Promise<void> {
  await setInteractionsContact(db, moved.interactionIds, toId);
  await setReferrer(db, moved.referralIds, toId);
  await refreshBoth(db, toId, fromId);
}

async function refreshBoth(db: Db, ...ids: string[]): Promise<void> {
  for (const contact of await findContactBriefs(db, ids)) await refreshLastInteraction(db, contact);
}

/** Builds the search entries of every live interaction afresh (after a JSON export is loaded). */
export async function rebuildHistorySearchIn(db: Db): Promise<void> {
  await clearInteractionIndex(db);
  await insertInteractionEntries(db, (await findLiveInteractions(db)).map(searchEntryOf));
}
