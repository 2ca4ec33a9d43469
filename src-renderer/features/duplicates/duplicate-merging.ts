import type { Contact } from '../../../shared/contacts/contacts.schemas.ts';
import { api } from '../../api/api.ts';
import { apiErrorOf } from '../../api/client.ts';
import { showToast } from '../../ui/toast.store.ts';

// Merges and their undo. Neither refreshes a view by hand: `duplicates.changed`
// and `contacts.changed` do (follow-duplicates.ts, follow-contacts.ts).

export async function mergeContacts(keep: Pick<Contact, 'id' | 'displayName'>, merge: Pick<Contact, 'id' | 'displayName'>): Promise<void> {
  try {
    const { mergeId } = await api.invoke('duplicates.merge', { keepId: keep.id, mergeId: merge.id });
    showToast({ message: `Merged ${merge.displayName} into ${keep.displayName}`, action: { label: 'Undo', run: () => void undoMerge(mergeId) } });
  } catch (thrown) {
    showToast({ message: apiErrorOf(thrown).message });
  }
}

async function undoMerge(mergeId: string): Promise<void> {
  try {
    const { restored } = await api.invoke('duplicates.undoMerge', { mergeId });
    showToast({ message: `Merge undone: ${restored.displayName} is back` });
  } catch (thrown) {
    showToast({ message: apiErrorOf(thrown).message });
  }
}
