import type { Followup } from '../../../shared/followups/followups.schemas.ts';
import { api } from '../../api/api.ts';
import { createContactItems } from '../contacts/contact-items.store.ts';

const soonestFirst = (a: Followup, b: Followup) => `${a.dueDate} ${a.dueTime ?? ''}`.localeCompare(`${b.dueDate} ${b.dueTime ?? ''}`);

/** The open follow-ups on the contact page, soonest first. */
export const useContactFollowups = createContactItems((contactId) => api.invoke('followups.list', { contactId, status: 'open' }), soonestFirst);
