import { createContactPicker } from '../contacts/contact-picker.store.ts';

/** The Log interaction form's "Referred by": contacts matching what is typed. */
export const useReferrerPicker = createContactPicker();
