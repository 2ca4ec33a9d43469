import { z } from 'zod';
import type { MethodInput } from '../../../shared/api/contract.ts';
import { FieldProblem } from '../../../shared/api/errors.ts';
import { Contact, type ContactFieldsInput } from '../../../shared/contacts/contacts.schemas.ts';
import { api } from '../../api/api.ts';
import { apiErrorOf } from '../../api/client.ts';
import { navigate } from '../../app/navigation.store.ts';
import { showToast } from '../../ui/toast.store.ts';
import { useTrash } from './trash.store.ts';

// Writes to contacts. None refreshes a view by hand: each write's own `contacts.changed`
// event does (see follow-contacts.ts), so a write reloads every view exactly once.

const ValidationDetails = z.object({ fields: z.array(FieldProblem) });
/** What the core sends with a CONFLICT on update: the version now stored. */
const ConflictDetails = z.object({ current: Contact });

/** Why a save did not land, in the form's terms. */
export type SaveProblem =
  | { kind: 'fields'; problems: FieldProblem[] }
  | { kind: 'conflict'; current: Contact }
  | { kind: 'message'; text: string };

/** Which stored version an edit replaces; null for a new contact. */
export type EditOf = { id: string; expectedUpdatedAt: string } | null;

export const getContact = (id: string): Promise<Contact> => api.invoke('contacts.get', { id });

export const createContact = (fields: MethodInput<'contacts.create'>): Promise<Contact> => api.invoke('contacts.create', fields);

/** Saves the form's fields as a new contact or over `edit`'s version, saying why when it does not land. */
export async function saveContact(edit: EditOf, fields: ContactFieldsInput): Promise<{ saved: Contact } | { problem: SaveProblem }> {
  try {
    const saved = edit ? await api.invoke('contacts.update', { ...edit, fields }) : await createContact(fields);
    return { saved };
  } catch (thrown) {
    const error = apiErrorOf(thrown);
    const details = ValidationDetails.safeParse(error.details);
    const conflict = ConflictDetails.safeParse(error.details);
    if (error.code === 'VALIDATION' && details.success && details.data.fields.length > 0) {
      return { problem: { kind: 'fields', problems: details.data.fields } };
    }
    if (error.code === 'CONFLICT' && conflict.success) return { problem: { kind: 'conflict', current: conflict.data.current } };
    return { problem: { kind: 'message', text: error.message } };
  }
}

/** Brings a contact back from the Trash; the Trash drops its row at once. */
export async function restoreContact(id: string): Promise<Contact> {
  const contact = await api.invoke('contacts.restore', { id });
  useTrash.getState().remove(id);
  return contact;
}

/** Moves a contact to Trash, goes back to the list and offers the way back right away. */
export async function moveToTrash(contact: Pick<Contact, 'id' | 'displayName'>): Promise<void> {
  try {
    await api.invoke('contacts.delete', { id: contact.id });
  } catch (thrown) {
    showToast({ message: apiErrorOf(thrown).message });
    return;
  }
  navigate({ screen: 'contacts' });
  showToast({
    message: `Moved ${contact.displayName} to Trash`,
    action: {
      label: 'Undo',
      run: () => void restoreContact(contact.id).catch((thrown: unknown) => showToast({ message: apiErrorOf(thrown).message })),
    },
  });
}

/** Adds about 50 made-up contacts; returns how many. */
export async function seedSample(): Promise<number> {
  const { created } = await api.invoke('contacts.seedSample', {});
  return created;
}
