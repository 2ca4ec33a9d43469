import { useCompanyPeople } from '../../src-renderer/features/contacts/company-people.store.ts';
import { useCompanyPicker } from '../../src-renderer/features/contacts/company-picker.store.ts';
import { useContactCounts } from '../../src-renderer/features/contacts/contact-counts.store.ts';
import { useContactList } from '../../src-renderer/features/contacts/contact-list.store.ts';
import { useContactSearch } from '../../src-renderer/features/contacts/contact-search.store.ts';
import { useDrafts } from '../../src-renderer/features/contacts/drafts.store.ts';
import { useTrash } from '../../src-renderer/features/contacts/trash.store.ts';
import { useToasts } from '../../src-renderer/ui/toast.store.ts';

/** Every renderer store back to a fresh start, so no test sees another's contacts, drafts or toasts. */
export function resetAppState(): void {
  useContactList.setState(useContactList.getInitialState());
  useContactCounts.setState(useContactCounts.getInitialState());
  useContactSearch.setState(useContactSearch.getInitialState());
  useTrash.setState(useTrash.getInitialState());
  useCompanyPicker.setState(useCompanyPicker.getInitialState());
  useCompanyPeople.setState(useCompanyPeople.getInitialState());
  useDrafts.setState({ drafts: {} });
  useToasts.setState({ toasts: [] });
  sessionStorage.clear();
}
