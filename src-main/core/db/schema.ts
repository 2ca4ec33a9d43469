import type { CustomerRefTable, PurchaseImportContactTable, PurchaseImportTable, PurchaseTable } from '../commerce/commerce.table.ts';
import type { ContactMethodTable, ContactTable, ContactTagTable, ContactSearchKeyTable, ContactSearchTable } from '../contacts/contacts.table.ts';
import type { ContactMergeTable } from '../duplicates/duplicates.table.ts';
import type { FollowupTable } from '../followups/followups.table.ts';
import type { InteractionSearchTable, InteractionTable } from '../history/history.table.ts';
import type { CustomerProfitTable, CustomerValueTable, InsightsOverviewTable, InsightsRunTable, LoyaltyMoveTable, LoyaltyOverrideTable, NpsScoreTable } from '../insights/insights.table.ts';
import type { PlanHeldBackTable, PlanRunStepTable, PlanRunTable, PlanTable } from '../plans/plans.table.ts';
import type { SettingTable } from '../settings/settings.table.ts';
import type { ImportBatchContactTable, ImportBatchTable } from '../transfer/transfer.table.ts';

/** Every table the core's repositories may query. */
export interface Database {
  contacts: ContactTable;
  contact_methods: ContactMethodTable;
  contact_tags: ContactTagTable;
  contacts_fts: ContactSearchTable;
  contact_search_keys: ContactSearchKeyTable;
  contact_merges: ContactMergeTable;
  customer_profits: CustomerProfitTable;
  customer_refs: CustomerRefTable;
  customer_values: CustomerValueTable;
  followups: FollowupTable;
  import_batches: ImportBatchTable;
  import_batch_contacts: ImportBatchContactTable;
  interactions: InteractionTable;
  interactions_fts: InteractionSearchTable;
  insights_overviews: InsightsOverviewTable;
  insights_runs: InsightsRunTable;
  loyalty_moves: LoyaltyMoveTable;
  loyalty_overrides: LoyaltyOverrideTable;
  nps_scores: NpsScoreTable;
  plans: PlanTable;
  plan_runs: PlanRunTable;
  plan_run_steps: PlanRunStepTable;
  plan_held_back: PlanHeldBackTable;
  purchases: PurchaseTable;
  purchase_imports: PurchaseImportTable;
  purchase_import_contacts: PurchaseImportContactTable;
  settings: SettingTable;
}
