import { refetchOn } from '../../api/refetch-on.ts';
import { useContactCounts } from './contact-counts.store.ts';
import { useContactList } from './contact-list.store.ts';
import { useContactSearch } from './contact-search.store.ts';
import { useTrash } from './trash.store.ts';

/** Keeps the list, the search results, the Trash and the sidebar's counts current when any window (this one included) changes contacts. */
export function followContactChanges(): () => void {
  return refetchOn(['contacts.changed'], () => {
    useContactList.getState().refresh();
    useContactSearch.getState().refresh();
    useTrash.getState().refresh();
    void useContactCounts.getState().refresh();
  });
}
