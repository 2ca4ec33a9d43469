import type { CoreEvent } from '../../../shared/api/events.ts';
import { AppError } from '../../../shared/api/errors.ts';
import type { Contact } from '../../../shared/contacts/contacts.schemas.ts';
import type { ImportBatch, ImportContacts, ImportPreview, ImportReport, ReadOptions } from '../../../shared/transfer/transfer.schemas.ts';
import { transferFieldLabels } from '../../../shared/transfer/transfer.labels.ts';
import {
  checkContactFields,
  contactFieldsOf,
  insertContactsInBulk,
  liveContactMethods,
  loadContacts,
  replaceContactFieldsIn,
  restoreContactSnapshot,
  snapshotContact,
  trashContactsIn,
  type ContactSnapshot,
} from '../contacts/contacts.service.ts';
import { nowOf, type CoreContext } from '../context.ts';
import { nextTimestamp } from '../db/clock.ts';
import type { Db } from '../db/handle.ts';
import { idSource } from '../db/id-batch.ts';
import { newId } from '../db/ids.ts';
import { mutate } from '../db/mutation.ts';
import { combineFields, emailKey, phoneKey } from '../duplicates/duplicates.service.ts';
import { readForImport, readForPreview } from './import-file.ts';
import { planImport, type ImportPlan, type Target } from './import-plan.ts';
import { findBatch, findBatchContacts, findBatches, insertBatch, insertBatchContacts, markBatchUndone } from './transfer.repository.ts';
import type { ImportBatchContactRow, ImportBatchRow } from './transfer.table.ts';

/** Large imports report progress this often (rows). */
const progressEvery = 5_000;

/** Saved contacts by the keys an incoming row is matched on; the oldest contact wins a shared key. */
async function existingTargets(db: Db): Promise<Map<string, Target>> {
  const targets = new Map<string, Target>();
  for (const method of await liveContactMethods(db)) {
    const key = method.type === 'email' ? `email:${emailKey(method.value)}` : phoneKey(method.value) && `phone:${phoneKey(method.value)}`;
    if (key && !targets.has(key)) targets.set(key, { id: method.contactId, displayName: method.displayName, earlierLine: null });
  }
  return targets;
}

const decider = (input: ImportContacts) => (line: number) => input.duplicates.byLine[String(line)] ?? input.duplicates.all;

export async function previewImport(ctx: CoreContext, input: ReadOptions): Promise<ImportPreview> {
  const file = readForPreview(input);
  // The preview saves nothing: its contacts need no ids.
  const plan = planImport(file.records, await existingTargets(ctx.db), { decide: () => 'skip', newId: () => '' });
  return {
    file: input.file,
    format: file.format,
    encoding: file.encoding,
    delimiter: file.delimiter,
    preset: file.preset,
    columns: file.columns,
    mapping: file.mapping,
    totalRecords: file.records.length,
    sample: plan.sample,
    invalid: plan.invalid,
    duplicates: plan.duplicates,
    photosSkipped: file.photosSkipped,
    blankLines: file.blankLines,
  };
}

/**
 * Folds the rows the user chose to merge into each saved contact they match,
 * one after another (merge-fields.ts: nothing the user has is overwritten). A row
 * that would make the contact too much for one (21 emails…) is skipped instead.
 * Returns each merged contact's before-state, for the undo.
 */
async function mergeIntoSaved(db: Db, plan: ImportPlan, now: string): Promise<ImportBatchContactRow[]> {
  const merged: ImportBatchContactRow[] = [];
  for (const [id, rows] of plan.mergesInto) {
    const before = (await snapshotContact(db, id)) as ContactSnapshot;
    const [contact] = (await loadContacts(db, [id])) as [Contact];
    let fields = contactFieldsOf(contact);
    for (const { row, fields: incoming } of rows) {
      const checked = checkContactFields(combineFields(fields, incoming).fields);
      if ('problem' in checked) Object.assign(row, { outcome: 'skipped', contactId: null, reason: `${row.reason}, but together they would be too much for one contact: ${checked.problem}` });
      else fields = checked.fields;
    }
    if (rows.every(({ row }) => row.outcome === 'skipped')) continue;
    await replaceContactFieldsIn(db, before.row, fields, nextTimestamp(before.row.updated_at, Date.parse(now)));
    merged.push({ batch_id: '', contact_id: id, outcome: 'merged', before: JSON.stringify(before) });
  }
  return merged;
}

/**
 * One import is one transaction, all or nothing, recorded as one batch that
 * Undo import reverses. New contacts go in through the bulk write path
 * (multi-row INSERTs), 5,000 at a time so progress can be told.
 */
export async function importContacts(ctx: CoreContext, input: ImportContacts): Promise<ImportReport> {
  const file = readForImport(input);
  const total = file.records.length;
  // Progress is not a change of data: it goes out before the commit, straight
  // to the windows, so a long import shows it moving. Changes go out through
  // mutate's `changed`, after the commit, as always.
  const progress = (done: number) => total > progressEvery && ctx.notify?.({ name: 'transfer.progress', payload: { operation: 'import', done, total } });
  return mutate(ctx, {
    run: async (tx) => {
      const batchId = newId(nowOf(ctx));
      const now = nextTimestamp(undefined, nowOf(ctx));
      const plan = planImport(file.records, await existingTargets(tx), { decide: decider(input), tag: input.tag, newId: idSource() });
      for (let start = 0; start < plan.creates.length; start += progressEvery) {
        await insertContactsInBulk(tx, plan.creates.slice(start, start + progressEvery), now);
        progress(Math.min(total, start + progressEvery));
      }
      const merged = await mergeIntoSaved(tx, plan, now);
      const count = (outcome: ImportReport['rows'][number]['outcome']) => plan.rows.filter((row) => row.outcome === outcome).length;
      const batch: ImportBatchRow = {
        id: batchId,
        file_name: input.file.split(/[\\/]/).at(-1)!,
        format: file.format,
        imported_at: now,
        total,
        created: count('created'),
        merged: count('merged'),
        skipped: count('skipped'),
        undone_at: null,
      };
      await insertBatch(tx, batch);
      await insertBatchContacts(tx, [
        ...plan.creates.map((create): ImportBatchContactRow => ({ batch_id: batchId, contact_id: create.id, outcome: 'created', before: null })),
        ...merged.map((row) => ({ ...row, batch_id: batchId })),
      ]);
      progress(total);
      const report: ImportReport = { batchId, file: input.file, format: file.format, total, created: batch.created, merged: batch.merged, skipped: batch.skipped, photosSkipped: file.photosSkipped, blankLines: file.blankLines, rows: plan.rows };
      return { report, ids: [...plan.creates.map((create) => create.id), ...merged.map((row) => row.contact_id)] };
    },
    changed: ({ report, ids }): CoreEvent[] => [
      { name: 'contacts.changed', payload: { ids, reason: 'imported' } },
      { name: 'transfer.changed', payload: { batchId: report.batchId, reason: 'imported' } },
    ],
  }).then(({ report }) => report);
}

function batchOf(row: ImportBatchRow): ImportBatch {
  return { batchId: row.id, fileName: row.file_name, importedAt: row.imported_at, created: row.created, merged: row.merged, skipped: row.skipped, undoneAt: row.undone_at };
}

/** Imports, newest first. */
export async function listImports(ctx: CoreContext): Promise<ImportBatch[]> {
  return (await findBatches(ctx.db)).map(batchOf);
}

const invalidBatch = (problem: string) =>
  new AppError('VALIDATION', `${transferFieldLabels.batchId}: ${problem}`, { fields: [{ path: 'batchId', message: problem }] });

/**
 * Undo import: the contacts it created go to the Trash (so history the user
 * logged for them since is not lost, and Restore brings any back), and the
 * contacts it merged into get their fields, emails, phones and tags back as
 * they were before it.
 */
export async function undoImport(ctx: CoreContext, batchId: string): Promise<{ batchId: string; removed: number; restored: number }> {
  const { created, merged } = await mutate(ctx, {
    run: async (tx) => {
      const batch = await findBatch(tx, batchId);
      if (!batch) throw new AppError('NOT_FOUND', 'That import is not recorded. It may belong to another data folder.', { batchId });
      if (batch.undone_at !== null) throw invalidBatch('That import was already undone.');
      const rows = await findBatchContacts(tx, batchId);
      const now = nextTimestamp(batch.imported_at, nowOf(ctx));
      const created = rows.filter((row) => row.outcome === 'created').map((row) => row.contact_id);
      const merged = rows.filter((row) => row.outcome === 'merged');
      await trashContactsIn(tx, created, now);
      for (const row of merged) await restoreContactSnapshot(tx, JSON.parse(row.before!) as ContactSnapshot);
      await markBatchUndone(tx, batchId, now);
      return { created, merged: merged.map((row) => row.contact_id) };
    },
    changed: ({ created, merged }): CoreEvent[] => [
      ...(created.length > 0 ? [{ name: 'contacts.changed', payload: { ids: created, reason: 'deleted' } } as const] : []),
      ...(merged.length > 0 ? [{ name: 'contacts.changed', payload: { ids: merged, reason: 'updated' } } as const] : []),
      { name: 'transfer.changed', payload: { batchId, reason: 'undone' } },
    ],
  });
  return { batchId, removed: created.length, restored: merged.length };
}
