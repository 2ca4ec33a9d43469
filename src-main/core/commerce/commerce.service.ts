import type { CoreEvent, EventPayload } from '../../../shared/api/events.ts';
import { AppError } from '../../../shared/api/errors.ts';
import type { CreatePurchase, ListPurchases, Purchase, PurchasePage, UpdatePurchase } from '../../../shared/commerce/commerce.schemas.ts';
import type { commerceFieldLabels } from '../../../shared/commerce/commerce.labels.ts';
import { findContactBriefs } from '../contacts/contacts.service.ts';
import { nowOf, type CoreContext } from '../context.ts';
import { nextTimestamp } from '../db/clock.ts';
import type { Db } from '../db/handle.ts';
import { newId } from '../db/ids.ts';
import { mutate } from '../db/mutation.ts';
import { addToDate, localMoment } from '../followups/followups.service.ts';
import { firePurchaseTriggers } from '../plans/plans.service.ts';
import { fieldsToRow, rowToPurchase } from './commerce.mapping.ts';
import {
  countLivePurchasesOf,
  findPurchaseById,
  findPurchasePage,
  hasOtherSale,
  insertPurchase,
  moveCustomerRefs,
  movePurchases,
  setCustomerRefsContact,
  setPurchasesContact,
  updatePurchaseRow,
  type PurchasePosition,
} from './commerce.repository.ts';
import type { PurchaseRow } from './commerce.table.ts';
import { samplePurchases } from './sample-purchases.ts';

type Reason = EventPayload<'purchases.changed'>['reason'];

function changed(purchases: Purchase[], reason: Reason): CoreEvent {
  return { name: 'purchases.changed', payload: { ids: purchases.map((each) => each.id), contactIds: [...new Set(purchases.map((each) => each.contactId))], reason } };
}

/** The problem is a whole sentence naming the field ("That date is…"), so it is the message too. */
function invalid(path: keyof typeof commerceFieldLabels, problem: string): AppError {
  return new AppError('VALIDATION', problem, { fields: [{ path, message: problem }] });
}

async function requireLiveContact(db: Db, contactId: string): Promise<void> {
  const [contact] = await findContactBriefs(db, [contactId]);
  if (!contact) throw invalid('contactId', 'That contact no longer exists. Choose another contact.');
  if (contact.inTrash) throw invalid('contactId', 'This contact is in the Trash. Restore it before recording purchases for it.');
}

/** A sale is recorded when it happened: one more than a day ahead of today is a plan, not a purchase. */
function checkDate(occurredOn: string, now: number): void {
  if (occurredOn > addToDate(localMoment(now).date, 1, 'days')) throw invalid('occurredOn', 'That date is more than a day ahead: plan a future sale as a follow-up instead.');
}

async function requirePurchase(db: Db, id: string): Promise<PurchaseRow> {
  const row = await findPurchaseById(db, id);
  if (!row) throw new AppError('NOT_FOUND', 'That purchase no longer exists. It may have been removed with its import.', { id });
  return row;
}

/**
 * Purchases this many days old or newer start plans; older ones are history, recorded
 * late or imported: a year of back-filled sales must not ask for a year of thank-you notes.
 */
export const recentPurchaseDays = 14;

/**
 * The plans a recent sale or closing starts (first purchase, home closing), inside the
 * purchase's own write. Shared by the import for its rows.
 */
export async function firePurchaseTriggersFor(db: Db, at: number, row: Pick<PurchaseRow, 'id' | 'contact_id' | 'kind' | 'occurred_on'>): Promise<CoreEvent[]> {
  if (row.kind === 'refund') return [];
  if (row.occurred_on < addToDate(localMoment(at).date, -recentPurchaseDays, 'days')) return [];
  const isFirstPurchase = !(await hasOtherSale(db, row.contact_id, row.id));
  return firePurchaseTriggers(db, at, { contactId: row.contact_id, kind: row.kind, isFirstPurchase, date: row.occurred_on });
}

export async function createPurchase(ctx: CoreContext, input: CreatePurchase): Promise<Purchase> {
  const { purchase } = await mutate(ctx, {
    run: async (tx) => {
      const at = nowOf(ctx);
      await requireLiveContact(tx, input.contactId);
      checkDate(input.fields.occurredOn, at);
      const now = nextTimestamp(undefined, at);
      const row = await insertPurchase(tx, {
        id: newId(at),
        contact_id: input.contactId,
        ...fieldsToRow(input.fields),
        order_ref: null,
        import_batch_id: null,
        created_at: now,
        updated_at: now,
        deleted_at: null,
      });
      return { purchase: rowToPurchase(row), triggered: await firePurchaseTriggersFor(tx, at, row) };
    },
    changed: ({ purchase, triggered }) => [changed([purchase], 'created'), ...triggered],
  });
  return purchase;
}

export async function updatePurchase(ctx: CoreContext, input: UpdatePurchase): Promise<Purchase> {
  return mutate(ctx, {
    unchangedSince: {
      expectedUpdatedAt: input.expectedUpdatedAt,
      read: async (tx) => {
        const current = await requirePurchase(tx, input.id);
        if (current.deleted_at !== null) throw new AppError('CONFLICT', 'This purchase is in the Trash. Restore it before editing.', { id: input.id });
        return current;
      },
      conflict: async (_tx, current) =>
        new AppError('CONFLICT', 'This purchase was changed somewhere else after you started editing. Reload it, then make your change again.', {
          current: rowToPurchase(current),
        }),
    },
    run: async (tx, current) => {
      await requireLiveContact(tx, current.contact_id);
      checkDate(input.fields.occurredOn, nowOf(ctx));
      const row = await updatePurchaseRow(tx, current.id, { ...fieldsToRow(input.fields), updated_at: nextTimestamp(current.updated_at, nowOf(ctx)) });
      return rowToPurchase(row);
    },
    changed: (purchase) => changed([purchase], 'updated'),
  });
}

async function setDeleted(ctx: CoreContext, id: string, deleted: boolean): Promise<Purchase> {
  return mutate(ctx, {
    run: async (tx) => {
      const current = await requirePurchase(tx, id);
      if ((current.deleted_at !== null) === deleted) return rowToPurchase(current);
      const now = nextTimestamp(current.updated_at, nowOf(ctx));
      return rowToPurchase(await updatePurchaseRow(tx, id, { deleted_at: deleted ? now : null, updated_at: now }));
    },
    changed: (purchase) => changed([purchase], deleted ? 'deleted' : 'restored'),
  });
}

export const deletePurchase = (ctx: CoreContext, id: string) => setDeleted(ctx, id, true);
export const restorePurchase = (ctx: CoreContext, id: string) => setDeleted(ctx, id, false);

function encodeCursor(position: PurchasePosition): string {
  return Buffer.from(JSON.stringify([position.occurredOn, position.id])).toString('base64url');
}

function decodeCursor(cursor: string): PurchasePosition {
  try {
    const [occurredOn, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof occurredOn === 'string' && typeof id === 'string') return { occurredOn, id };
  } catch {
    // fall through to the error below
  }
  throw new AppError('VALIDATION', 'That page link is not valid any more. Start again from the first page.', {
    fields: [{ path: 'cursor', message: 'Not a cursor from a previous page.' }],
  });
}

/** A contact's purchases, newest first; none while the contact is in the Trash. */
export async function listPurchases(ctx: CoreContext, input: ListPurchases): Promise<PurchasePage> {
  const after = input.cursor === undefined ? undefined : decodeCursor(input.cursor);
  const [contact] = await findContactBriefs(ctx.db, [input.contactId]);
  if (!contact) throw new AppError('NOT_FOUND', 'That contact no longer exists. It may have been deleted for good.', { id: input.contactId });
  // One row more than asked tells whether a next page exists.
  const [rows, total] = await Promise.all([findPurchasePage(ctx.db, contact.id, after, input.limit + 1), countLivePurchasesOf(ctx.db, contact.id)]);
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    items: page.map(rowToPurchase),
    nextCursor: last && rows.length > input.limit ? encodeCursor({ occurredOn: last.occurred_on, id: last.id }) : null,
    total,
  };
}

/** What a merge moved of commerce: put back exactly by `putMergedPurchasesBackIn`. */
export type MovedPurchases = { purchaseIds: string[]; customerRefIds: string[] };

/** A merge: the merged contact's purchases and customer numbers go to the kept one. */
export async function moveMergedPurchasesIn(db: Db, fromId: string, toId: string): Promise<MovedPurchases> {
  return { purchaseIds: await movePurchases(db, fromId, toId), customerRefIds: await moveCustomerRefs(db, fromId, toId) };
}

/** The merge undone: exactly those purchases and customer numbers go back. */
export async function putMergedPurchasesBackIn(db: Db, moved: MovedPurchases, contactId: string): Promise<void> {
  await setPurchasesContact(db, moved.purchaseIds, contactId);
  await setCustomerRefsContact(db, moved.customerRefIds, contactId);
}

/** Two years of purchases for the sample people, inside the sample's own transaction; no plan starts for them. */
export async function seedSamplePurchasesIn(db: Db, now: string, personIds: string[]): Promise<string[]> {
  const ids: string[] = [];
  for (const purchase of samplePurchases(personIds, localMoment(Date.parse(now)).date)) {
    const row = await insertPurchase(db, { id: newId(), ...purchase, order_ref: null, import_batch_id: null, created_at: now, updated_at: now, deleted_at: null });
    ids.push(row.id);
  }
  return ids;
}
