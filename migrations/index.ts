import type { Migration } from 'kysely/migration';
import * as createContacts from './0001_create_contacts.ts';
import * as indexAddresses from './0002_index_addresses.ts';
import * as createHistory from './0003_create_history.ts';
import * as createFollowups from './0004_create_followups.ts';
import * as indexLosingTouch from './0005_index_losing_touch.ts';
import * as recordImportsAndMerges from './0006_record_imports_and_merges.ts';
import * as createPlans from './0007_create_plans.ts';
import * as createCommerce from './0008_create_commerce.ts';
import * as createContactSearchKeys from './0009_create_contact_search_keys.ts';
import * as listAtScale from './0010_list_at_scale.ts';
import * as storeDrillDownFacts from './0011_store_drill_down_facts.ts';

/**
 * Every migration, in order. A static record because the app is bundled: a
 * provider that reads this folder at run time would find nothing there.
 */
export const migrations: Record<string, Migration> = {
  '0001_create_contacts': createContacts,
  '0002_index_addresses': indexAddresses,
  '0003_create_history': createHistory,
  '0004_create_followups': createFollowups,
  '0005_index_losing_touch': indexLosingTouch,
  '0006_record_imports_and_merges': recordImportsAndMerges,
  '0007_create_plans': createPlans,
  '0008_create_commerce': createCommerce,
  '0009_create_contact_search_keys': createContactSearchKeys,
  '0010_list_at_scale': listAtScale,
  '0011_store_drill_down_facts': storeDrillDownFacts,
};
