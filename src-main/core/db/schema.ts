import type { ContactMethodTable, ContactTable, ContactTagTable, ContactSearchTable } from '../contacts/contacts.table.ts';
import type { FollowupTable } from '../followups/followups.table.ts';
import type { InteractionSearchTable, InteractionTable } from '../history/history.table.ts';
import type { SettingTable } from '../settings/settings.table.ts';

/** Every table the core's repositories may query. */
export interface Database {
  contacts: ContactTable;
  contact_methods: ContactMethodTable;
  contact_tags: ContactTagTable;
  contacts_fts: ContactSearchTable;
  followups: FollowupTable;
  interactions: InteractionTable;
  interactions_fts: InteractionSearchTable;
  settings: SettingTable;
}
