import { create } from 'zustand';
import type { ImportBatch } from '../../../shared/transfer/transfer.schemas.ts';
import { api } from '../../api/api.ts';
import { apiErrorOf } from '../../api/client.ts';
import { latestAnswer } from '../../api/latest-answer.ts';
import { showToast } from '../../ui/toast.store.ts';

type ImportsState = {
  batches: ImportBatch[] | null;
  error: string | null;
  refresh: () => Promise<void>;
};

const loads = latestAnswer();

/** Recent imports, newest first, each undoable until it is undone. */
export const useImports = create<ImportsState>()((set) => ({
  batches: null,
  error: null,
  refresh: async () => {
    const stillLatest = loads.start();
    try {
      const batches = await api.invoke('transfer.imports', {});
      if (stillLatest()) set({ batches, error: null });
    } catch (thrown) {
      if (stillLatest()) set({ error: apiErrorOf(thrown).message });
    }
  },
}));

/** Undoes an earlier import from the list; the list reloads on `transfer.changed`. */
export async function undoImportBatch(batch: ImportBatch): Promise<void> {
  try {
    const { removed, restored } = await api.invoke('transfer.undoImport', { batchId: batch.batchId });
    showToast({ message: `Undid the import of ${batch.fileName}: ${undoneWords(removed, restored)}` });
  } catch (thrown) {
    showToast({ message: apiErrorOf(thrown).message });
  }
}

export function undoneWords(removed: number, restored: number): string {
  const parts = [`removed ${removed.toLocaleString()} ${removed === 1 ? 'contact' : 'contacts'}`];
  if (restored > 0) parts.push(`${restored.toLocaleString()} merged ${restored === 1 ? 'contact is' : 'contacts are'} back as before`);
  return parts.join(', ');
}
