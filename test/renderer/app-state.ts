import { useCompanyPeople } from '../../src-renderer/features/contacts/company-people.store.ts';
import { useCompanyPicker } from '../../src-renderer/features/contacts/company-picker.store.ts';
import { useContactsStore } from '../../src-renderer/features/contacts/contacts.store.ts';
import { useDrafts } from '../../src-renderer/features/contacts/drafts.store.ts';
import { useToasts } from '../../src-renderer/ui/toast.store.ts';

/** Every renderer store back to a fresh start, so no test sees another's contacts, drafts or toasts. */
export function resetAppState(): void {
  useContactsStore.setState(useContactsStore.getInitialState());
  useCompanyPicker.setState(useCompanyPicker.getInitialState());
  useCompanyPeople.setState(useCompanyPeople.getInitialState());
  useDrafts.setState({ drafts: {} });
  useToasts.setState({ toasts: [] });
  sessionStorage.clear();
}
