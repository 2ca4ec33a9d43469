import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { CustomerValueRow, InsightsRunTable } from './insights.table.ts';

/** A contact's lifetime value as of the last recompute, with the model that run used and why. */
export async function findCustomerValue(
  db: Kysely<Database>,
  contactId: string,
): Promise<(CustomerValueRow & Pick<InsightsRunTable, 'model' | 'model_reason'>) | undefined> {
  const { rows } = await sql<CustomerValueRow & Pick<InsightsRunTable, 'model' | 'model_reason'>>`
    select v.*, coalesce(r.model, 'none') as model, coalesce(r.model_reason, '') as model_reason
    from customer_values v left join insights_runs r on r.id = 1
    where v.contact_id = ${contactId}`.execute(db);
  return rows[0];
}
