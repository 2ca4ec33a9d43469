import type { CoreEvent } from '../../../shared/api/events.ts';
import { AppError } from '../../../shared/api/errors.ts';
import type {
  ImportPurchases,
  PurchaseImportBatch,
  PurchaseImportPreview,
  PurchaseImportReport,
  PurchaseReadOptions,
} from '../../../shared/commerce/purchase-import.schemas.ts';
import { insertContactsInBulk, liveContactMethods, trashContactsIn } from '../contacts/contacts.service.ts';
import { nowOf, type CoreContext } from '../context.ts';
import { nextTimestamp } from '../db/clock.ts';
import type { Db } from '../db/handle.ts';
import { idSource } from '../db/id-batch.ts';
import { newId } from '../db/ids.ts';
import { mutate } from '../db/mutation.ts';
import { emailKey, phoneKey } from '../duplicates/duplicates.service.ts';
import { addToDate, localMoment } from '../followups/followups.service.ts';
import { firePurchaseTriggers } from '../plans/plans.service.ts';
import { contactsWithSales, insertImportedPurchases, liveCustomerRefs, upsertCustomerRefs, type ImportedPurchaseValues } from './commerce.repository.ts';
import type { PurchaseImportRow } from './commerce.table.ts';
import { recentPurchaseDays } from './commerce.service.ts';
import { readPurchaseFile } from './purchase-file.ts';
import {
  contactsWithOtherData,
  deleteBatchPurchases,
  findImportBatch,
  findImportBatches,
  findImportContacts,
  insertImportBatch,
  insertImportContacts,
  markImportUndone,
} from './purchase-import.repository.ts';
import { planPurchases, type Customer, type KnownCustomers, type PurchasePlan } from './purchase-matching.ts';
import { columnsByField, readRecord } from './purchase-records.ts';

/** Large imports report progress this often (rows). */
const progressEvery = 5_000;

/** Saved contacts by customer number, email and phone; the oldest contact wins a shared email or phone. */
async function knownCustomers(db: Db): Promise<KnownCustomers> {
  const known: KnownCustomers = { byRef: new Map(), byEmail: new Map(), byPhone: new Map() };
  for (const ref of await liveCustomerRefs(db)) known.byRef.set(ref.external_id, { id: ref.contact_id, name: ref.display_name, isNew: false });
  for (const method of await liveContactMethods(db)) {
    const customer: Customer = { id: method.contactId, name: method.displayName, isNew: false };
    if (method.type === 'email') {
      const key = emailKey(method.value);
      if (!known.byEmail.has(key)) known.byEmail.set(key, customer);
    } else {
      const key = phoneKey(method.value);
      if (key !== null && !known.byPhone.has(key)) known.byPhone.set(key, customer);
    }
  }
  return known;
}

function readRecords(input: PurchaseReadOptions) {
  const file = readPurchaseFile(input);
  const columns = columnsByField(file.mapping);
  return { file, records: file.rows.map((row) => readRecord(row, columns, file.dateOrder)) };
}

export async function previewPurchaseImport(ctx: CoreContext, input: PurchaseReadOptions): Promise<PurchaseImportPreview> {
  const { file, records } = readRecords(input);
  // The preview saves nothing: the contacts it would make need no ids.
  const plan = planPurchases(records, await knownCustomers(ctx.db), { unmatched: 'create', newId: () => '' });
  return {
    file: input.file,
    encoding: file.encoding,
    delimiter: file.delimiter,
    hasHeader: file.hasHeader,
    dateOrder: file.dateOrder,
    columns: file.columns,
    mapping: file.mapping,
    totalRows: records.length,
    sample: plan.sample,
    invalid: plan.invalid,
    matched: plan.matched,
    unmatchedRows: plan.unmatchedRows,
    unmatchedCustomers: plan.creates.length,
    blankLines: file.blankLines,
  };
}

/**
 * Recent sales and closings start plans like a recorded one: a first purchase
 * is the customer's earliest sale in the file when they had none before.
 */
async function fireRecentTriggers(tx: Db, at: number, plan: PurchasePlan): Promise<CoreEvent[]> {
  const since = addToDate(localMoment(at).date, -recentPurchaseDays, 'days');
  const sales = plan.purchases.filter(({ record }) => record.kind !== 'refund');
  const recent = sales.filter(({ record }) => record.occurredOn >= since);
  if (recent.length === 0) return [];
  const soldBefore = await contactsWithSales(tx, [...new Set(recent.map((each) => each.contactId))]);
  const earliest = new Map<string, (typeof sales)[number]>();
  for (const sale of sales) {
    const first = earliest.get(sale.contactId);
    if (!first || sale.record.occurredOn < first.record.occurredOn) earliest.set(sale.contactId, sale);
  }
  const events: CoreEvent[] = [];
  for (const sale of recent) {
    const isFirstPurchase = !soldBefore.has(sale.contactId) && earliest.get(sale.contactId) === sale;
    const kind = sale.record.kind as 'sale' | 'closing';
    events.push(...(await firePurchaseTriggers(tx, at, { contactId: sale.contactId, kind, isFirstPurchase, date: sale.record.occurredOn })));
  }
  return events;
}

const startedRuns = (events: CoreEvent[]) =>
  events.reduce((count, event) => count + (event.name === 'plans.runsChanged' && event.payload.reason === 'triggered' ? event.payload.runIds.length : 0), 0);

/**
 * One import is one transaction, all or nothing, recorded as one batch that
 * Undo import reverses. Matching is done in memory (one read of the customer
 * numbers, emails and phones), and contacts and purchases go in through the bulk
 * path, one kept statement run once per row.
 */
export async function importPurchases(ctx: CoreContext, input: ImportPurchases): Promise<PurchaseImportReport> {
  const { file, records } = readRecords(input);
  const total = records.length;
  // Progress is no change of data: it goes to the windows before the commit, so a long import shows it moving.
  const progress = (done: number) => ctx.notify?.({ name: 'purchases.importProgress', payload: { done, total } });
  const { report } = await mutate(ctx, {
    run: async (tx) => {
      const at = nowOf(ctx);
      const now = nextTimestamp(undefined, at);
      const batchId = newId(at);
      const nextId = idSource();
      const plan = planPurchases(records, await knownCustomers(tx), { unmatched: input.unmatched, newId: nextId });
      await insertContactsInBulk(tx, plan.creates, now);
      const batch: PurchaseImportRow = {
        id: batchId,
        file_name: input.file.split(/[\\/]/).at(-1)!,
        imported_at: now,
        total,
        imported: plan.purchases.length,
        created_contacts: plan.creates.length,
        skipped: total - plan.purchases.length,
        undone_at: null,
      };
      await insertImportBatch(tx, batch);
      await insertImportContacts(tx, batchId, plan.creates.map((create) => create.id));
      await upsertCustomerRefs(tx, [...plan.refs].map(([external_id, contact_id]) => ({ external_id, contact_id })));
      const rows = plan.purchases.map(({ record, contactId }): ImportedPurchaseValues => [
        nextId(),
        contactId,
        record.kind,
        record.occurredOn,
        record.description,
        record.grossCents,
        record.discountCents,
        record.productCostCents,
        record.channel,
        record.channelCostCents,
        record.orderRef,
      ]);
      const triggered = await fireRecentTriggers(tx, at, plan);
      for (let start = 0; start < rows.length; start += progressEvery) {
        await insertImportedPurchases(tx, batchId, now, rows.slice(start, start + progressEvery));
        if (total > progressEvery) progress(Math.min(total, start + progressEvery));
      }
      progress(total);
      const report: PurchaseImportReport = {
        batchId,
        file: input.file,
        total,
        imported: batch.imported,
        matched: plan.purchases.filter((each) => each.matchedBy !== 'new').length,
        createdContacts: batch.created_contacts,
        skipped: batch.skipped,
        blankLines: file.blankLines,
        plansStarted: startedRuns(triggered),
        rows: plan.rows,
      };
      return { report, created: plan.creates.map((create) => create.id), contactIds: [...new Set(plan.purchases.map((each) => each.contactId))], triggered };
    },
    changed: ({ created, contactIds, triggered }): CoreEvent[] => [
      { name: 'purchases.changed', payload: { ids: [], contactIds, reason: 'imported' } },
      ...(created.length > 0 ? [{ name: 'contacts.changed', payload: { ids: created, reason: 'imported' } } as const] : []),
      ...triggered,
    ],
  });
  return report;
}

function batchOf(row: PurchaseImportRow): PurchaseImportBatch {
  return {
    batchId: row.id,
    fileName: row.file_name,
    importedAt: row.imported_at,
    total: row.total,
    imported: row.imported,
    createdContacts: row.created_contacts,
    skipped: row.skipped,
    undoneAt: row.undone_at,
  };
}

/** Purchase imports, newest first. */
export async function listPurchaseImports(ctx: CoreContext): Promise<PurchaseImportBatch[]> {
  return (await findImportBatches(ctx.db)).map(batchOf);
}

const invalidBatch = (problem: string) => new AppError('VALIDATION', problem, { fields: [{ path: 'batchId', message: problem }] });

/**
 * Undo import: its purchases are removed (they came from the file, which still
 * has them), and the contacts it made go to the Trash, except those given other
 * data since (an interaction, another purchase, an edit): those are kept.
 */
export async function undoPurchaseImport(
  ctx: CoreContext,
  batchId: string,
): Promise<{ batchId: string; removedPurchases: number; removedContacts: number; keptContacts: number }> {
  const { removed, trashed, kept } = await mutate(ctx, {
    run: async (tx) => {
      const batch = await findImportBatch(tx, batchId);
      if (!batch) throw new AppError('NOT_FOUND', 'That import is not recorded. It may belong to another data folder.', { batchId });
      if (batch.undone_at !== null) throw invalidBatch('That import was already undone: its purchases are gone. Import the file again to bring them back.');
      const now = nextTimestamp(batch.imported_at, nowOf(ctx));
      const created = await findImportContacts(tx, batchId);
      const keep = await contactsWithOtherData(tx, created, batchId, batch.imported_at);
      const removed = await deleteBatchPurchases(tx, batchId);
      const trashed = await trashContactsIn(tx, created.filter((id) => !keep.has(id)), now);
      await markImportUndone(tx, batchId, now);
      return { removed, trashed, kept: keep.size };
    },
    changed: ({ removed, trashed }): CoreEvent[] => [
      { name: 'purchases.changed', payload: { ids: removed.map((row) => row.id), contactIds: [...new Set(removed.map((row) => row.contact_id))], reason: 'import_undone' } },
      ...(trashed.length > 0 ? [{ name: 'contacts.changed', payload: { ids: trashed, reason: 'deleted' } } as const] : []),
    ],
  });
  return { batchId, removedPurchases: removed.length, removedContacts: trashed.length, keptContacts: kept };
}
