import type { ContactMethodTable, ContactTable, ContactTagTable, ContactSearchTable } from '../contacts/contacts.table.ts';
import type { FollowupTable } from '../followups/followups.table.ts';

/** Every table the core's repositories may query. */
export interface Database {
  contacts: ContactTable;
  contact_methods: ContactMethodTable;
  contact_tags: ContactTagTable;
  contacts_fts: ContactSearchTable;
  followups: FollowupTable;
}
