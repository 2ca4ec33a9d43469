import type { CoreEvent } from '../../../shared/api/events.ts';
import { AppError } from '../../../shared/api/errors.ts';
import type { Contact } from '../../../shared/contacts/contacts.schemas.ts';
import type { MergeRecord, MergeResult } from '../../../shared/duplicates/duplicates.schemas.ts';
import { duplicatesFieldLabels } from '../../../shared/duplicates/duplicates.labels.ts';
import {
  checkContactFields,
  contactFieldsOf,
  loadContacts,
  moveCompanyLinksIn,
  putCompanyLinksBackIn,
  replaceContactFieldsIn,
  restoreContactSnapshot,
  snapshotContact,
  trashContactsIn,
  type ContactSnapshot,
} from '../contacts/contacts.service.ts';
import { nowOf, type CoreContext } from '../context.ts';
import { nextTimestamp } from '../db/clock.ts';
import type { Db } from '../db/handle.ts';
import { newId } from '../db/ids.ts';
import { mutate } from '../db/mutation.ts';
import { moveMergedPurchasesIn, putMergedPurchasesBackIn, type MovedPurchases } from '../commerce/commerce.service.ts';
import { moveFollowupsIn, putFollowupsBackIn } from '../followups/followups.service.ts';
import { moveHistoryIn, putHistoryBackIn, type MovedHistory } from '../history/history.service.ts';
import { findMerge, findMergesOf, insertMerge, markMergeUndone } from './duplicates.repository.ts';
import type { ContactMergeRow } from './duplicates.table.ts';
import { combineFields } from './merge-fields.ts';

/** What a merge moved, stored with it so the undo puts back exactly that. */
type Moved = MergeResult['moved'] & {
  history: MovedHistory;
  followupIds: string[];
  /** Purchases and customer numbers moved (absent in merges recorded before purchases existed). */
  purchaseMoves?: MovedPurchases;
  /** People linked to the merged company, now linked to the kept one. */
  peopleIds: string[];
  /** The kept contact's `updated_at` right after the merge: a later edit stops the undo. */
  keptUpdatedAt: string;
};

function invalid(path: keyof typeof duplicatesFieldLabels, problem: string): AppError {
  return new AppError('VALIDATION', `${duplicatesFieldLabels[path]}: ${problem}`, { fields: [{ path, message: problem }] });
}

async function requireMergeable(db: Db, id: string, path: 'keepId' | 'mergeId'): Promise<ContactSnapshot> {
  const snapshot = await snapshotContact(db, id);
  if (!snapshot) throw new AppError('NOT_FOUND', 'That contact no longer exists. It may have been deleted for good.', { id });
  if (snapshot.row.deleted_at !== null) throw invalid(path, `${snapshot.row.display_name} is in the Trash. Restore them before merging.`);
  return snapshot;
}

/** The merged contact's purchases and customer numbers go to the kept one (and back on undo, exactly those). */
async function movePurchasesIn(db: Db, fromId: string, toId: string): Promise<MovedPurchases> {
  return moveMergedPurchasesIn(db, fromId, toId);
}

async function putPurchasesBackIn(db: Db, moved: MovedPurchases | undefined, contactId: string): Promise<void> {
  // A merge recorded before purchases existed moved none.
  if (moved) await putMergedPurchasesBackIn(db, moved, contactId);
}

function changed(mergeId: string, reason: 'merged' | 'undone', contactIds: string[], moved: Moved): CoreEvent[] {
  return [
    { name: 'contacts.changed', payload: { ids: contactIds, reason: reason === 'merged' ? 'merged' : 'restored' } },
    { name: 'history.changed', payload: { contactIds: contactIds.slice(0, 2), reason: 'updated' } },
    { name: 'followups.changed', payload: { ids: moved.followupIds, contactIds: contactIds.slice(0, 2), reason: 'updated' } },
    { name: 'purchases.changed', payload: { ids: moved.purchaseMoves?.purchaseIds ?? [], contactIds: contactIds.slice(0, 2), reason: 'merged' } },
    { name: 'duplicates.changed', payload: { mergeId, reason } },
  ];
}

/**
 * Folds one contact into another in one transaction: the kept contact gains the
 * other's emails, phones, tags, notes and empty fields (merge-fields.ts); every
 * interaction, referral, follow-up and linked person moves over; the merged
 * contact goes to the Trash. Both before-states are recorded for the undo.
 */
export async function mergeContacts(ctx: CoreContext, input: { keepId: string; mergeId: string }): Promise<MergeResult> {
  const { result, moved } = await mutate(ctx, {
    run: async (tx) => {
      const keptBefore = await requireMergeable(tx, input.keepId, 'keepId');
      const mergedBefore = await requireMergeable(tx, input.mergeId, 'mergeId');
      if (keptBefore.row.kind !== mergedBefore.row.kind) {
        throw invalid('mergeId', 'A person and a company cannot be merged. Choose two people or two companies.');
      }
      const [kept, merged] = (await loadContacts(tx, [input.keepId, input.mergeId])) as [Contact, Contact];
      const combined = combineFields(contactFieldsOf(kept), contactFieldsOf(merged));
      const checked = checkContactFields(combined.fields);
      if ('problem' in checked) throw invalid('mergeId', `together these contacts would be too much for one: ${checked.problem}`);
      const now = nextTimestamp(keptBefore.row.updated_at, nowOf(ctx));
      await replaceContactFieldsIn(tx, keptBefore.row, checked.fields, now);
      const history = await moveHistoryIn(tx, merged.id, kept.id);
      const followupIds = await moveFollowupsIn(tx, merged.id, kept.id);
      const peopleIds = kept.kind === 'company' ? await moveCompanyLinksIn(tx, merged.id, kept.id) : [];
      const purchases = await movePurchasesIn(tx, merged.id, kept.id);
      await trashContactsIn(tx, [merged.id], nextTimestamp(mergedBefore.row.updated_at, nowOf(ctx)));
      const moved: Moved = {
        ...combined.added,
        interactions: history.interactionIds.length,
        followups: followupIds.length,
        purchases: purchases.purchaseIds.length,
        history,
        followupIds,
        purchaseMoves: purchases,
        peopleIds,
        keptUpdatedAt: now,
      };
      const mergeId = newId(nowOf(ctx));
      await insertMerge(tx, {
        id: mergeId,
        kept_id: kept.id,
        merged_id: merged.id,
        merged_name: merged.displayName,
        merged_at: now,
        undone_at: null,
        moved: JSON.stringify(moved),
        kept_before: JSON.stringify(keptBefore),
        merged_before: JSON.stringify(mergedBefore),
      });
      const [after] = (await loadContacts(tx, [kept.id])) as [Contact];
      return { result: { mergeId, kept: after, moved }, moved };
    },
    changed: ({ result, moved }) => changed(result.mergeId, 'merged', [input.keepId, input.mergeId, ...moved.peopleIds], moved),
  });
  const { interactions, followups, purchases, emails, phones, tags } = moved;
  return { ...result, moved: { emails, phones, tags, interactions, followups, purchases } };
}

/** Puts both contacts, their history, follow-ups and linked people back exactly as they were before the merge. */
export async function undoMerge(ctx: CoreContext, mergeId: string): Promise<{ kept: Contact; restored: Contact }> {
  const { contacts } = await mutate(ctx, {
    run: async (tx) => {
      const record = await findMerge(tx, mergeId);
      if (!record) throw new AppError('NOT_FOUND', 'That merge is not recorded. It may belong to another data folder.', { mergeId });
      if (record.undone_at !== null) throw invalid('mergeId', 'That merge was already undone.');
      const moved = JSON.parse(record.moved) as Moved;
      const keptNow = await snapshotContact(tx, record.kept_id);
      if (!keptNow) throw new AppError('NOT_FOUND', 'The contact this merge kept no longer exists, so the merge cannot be undone.', { mergeId });
      if (keptNow.row.updated_at !== moved.keptUpdatedAt) {
        throw new AppError(
          'CONFLICT',
          `${keptNow.row.display_name} was changed after the merge; undoing it now would lose that change. Edit the contacts by hand instead.`,
          { mergeId },
        );
      }
      await restoreContactSnapshot(tx, JSON.parse(record.kept_before) as ContactSnapshot);
      await restoreContactSnapshot(tx, JSON.parse(record.merged_before) as ContactSnapshot);
      await putHistoryBackIn(tx, moved.history, record.merged_id, record.kept_id);
      await putFollowupsBackIn(tx, moved.followupIds, record.merged_id);
      await putCompanyLinksBackIn(tx, moved.peopleIds, record.merged_id);
      await putPurchasesBackIn(tx, moved.purchaseMoves, record.merged_id);
      await markMergeUndone(tx, record.id, nextTimestamp(record.merged_at, nowOf(ctx)));
      const contacts = (await loadContacts(tx, [record.kept_id, record.merged_id])) as [Contact, Contact];
      return { contacts, moved, record };
    },
    changed: ({ moved, record }) => changed(record.id, 'undone', [record.kept_id, record.merged_id, ...moved.peopleIds], moved),
  });
  return { kept: contacts[0], restored: contacts[1] };
}

function recordOf(row: ContactMergeRow): MergeRecord {
  return { mergeId: row.id, keptId: row.kept_id, mergedId: row.merged_id, mergedName: row.merged_name, mergedAt: row.merged_at, undoneAt: row.undone_at };
}

/** Merges a contact took part in, newest first (its page shows them). */
export async function mergesOf(ctx: CoreContext, contactId: string): Promise<MergeRecord[]> {
  return (await findMergesOf(ctx.db, contactId)).map(recordOf);
}
