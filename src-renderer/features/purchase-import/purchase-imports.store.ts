import { create } from 'zustand';
import type { PurchaseImportBatch } from '../../../shared/commerce/purchase-import.schemas.ts';
import { api } from '../../api/api.ts';
import { apiErrorOf } from '../../api/client.ts';
import { latestAnswer } from '../../api/latest-answer.ts';
import { showToast } from '../../ui/toast.store.ts';
import { plural } from '../backup/backup-words.ts';
import type { Undone } from './purchase-import.store.ts';

type PurchaseImportsState = {
  batches: PurchaseImportBatch[] | null;
  error: string | null;
  refresh: () => Promise<void>;
};

const loads = latestAnswer();

/** Recent purchase imports, newest first, each undoable until it is undone. */
export const usePurchaseImports = create<PurchaseImportsState>()((set) => ({
  batches: null,
  error: null,
  refresh: async () => {
    const stillLatest = loads.start();
    try {
      const batches = await api.invoke('purchases.imports', {});
      if (stillLatest()) set({ batches, error: null });
    } catch (thrown) {
      if (stillLatest()) set({ error: apiErrorOf(thrown).message });
    }
  },
}));

/** Undoes an earlier purchase import from the list; the list reloads on `purchases.changed`. */
export async function undoPurchaseImportBatch(batch: PurchaseImportBatch): Promise<void> {
  try {
    const undone = await api.invoke('purchases.undoImport', { batchId: batch.batchId });
    showToast({ message: `Undid the purchase import of ${batch.fileName}: ${purchaseUndoneWords(undone)}` });
  } catch (thrown) {
    showToast({ message: apiErrorOf(thrown).message });
  }
}

/** "removed 120 purchases and 4 contacts; 1 contact kept, it has other data now". */
export function purchaseUndoneWords({ removedPurchases, removedContacts, keptContacts }: Undone): string {
  const removed = `removed ${plural(removedPurchases, 'purchase')}${removedContacts > 0 ? ` and ${plural(removedContacts, 'contact')} it made (in the Trash)` : ''}`;
  if (keptContacts === 0) return removed;
  return `${removed}; ${plural(keptContacts, 'contact')} kept, ${keptContacts === 1 ? 'it has' : 'they have'} other data now`;
}
