import type { ContactMethodTable, ContactTable, ContactTagTable, ContactSearchTable } from '../contacts/contacts.table.ts';
import type { ContactMergeTable } from '../duplicates/duplicates.table.ts';
import type { FollowupTable } from '../followups/followups.table.ts';
import type { InteractionSearchTable, InteractionTable } from '../history/history.table.ts';
import type { PlanHeldBackTable, PlanRunStepTable, PlanRunTable, PlanTable } from '../plans/plans.table.ts';
import type { SettingTable } from '../settings/settings.table.ts';
import type { ImportBatchContactTable, ImportBatchTable } from '../transfer/transfer.table.ts';

/** Every table the core's repositories may query. */
export interface Database {
  contacts: ContactTable;
  contact_methods: ContactMethodTable;
  contact_tags: ContactTagTable;
  contacts_fts: ContactSearchTable;
  contact_merges: ContactMergeTable;
  followups: FollowupTable;
  import_batches: ImportBatchTable;
  import_batch_contacts: ImportBatchContactTable;
  interactions: InteractionTable;
  interactions_fts: InteractionSearchTable;
  plans: PlanTable;
  plan_runs: PlanRunTable;
  plan_run_steps: PlanRunStepTable;
  plan_held_back: PlanHeldBackTable;
  settings: SettingTable;
}
