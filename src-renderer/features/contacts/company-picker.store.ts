import type { Contact } from '../../../shared/contacts/contacts.schemas.ts';
import { createContactPicker } from './contact-picker.store.ts';
import { createContact } from './contact-editing.ts';

/** The contact form's company picker: companies matching what is typed. */
export const useCompanyPicker = createContactPicker('company');

/** Adds a company by its name, for the picker to link. */
export const createCompany = (name: string): Promise<Contact> => createContact({ kind: 'company', company: name.trim() });
