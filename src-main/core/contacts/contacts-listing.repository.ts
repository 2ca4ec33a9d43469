import { sql, type Kysely } from 'kysely';
import type { ContactSort } from '../../../shared/contacts/contacts.schemas.ts';
import type { ClvTier } from '../../../shared/insights/insights.schemas.ts';
import type { LoyaltyStage } from '../../../shared/insights/loyalty.schemas.ts';
import type { Database } from '../db/schema.ts';
import type { ContactRow } from './contacts.table.ts';

/** Where the previous page ended: the sort value and id of its last row. */
export type PagePosition = { key: string; id: string };

/** Which contacts a list shows: optionally only those with a tag, linked to a company, at a ladder stage or in a CLV tier. */
export type ContactFilter = {
  tag?: string | undefined;
  companyId?: string | undefined;
  stage?: LoyaltyStage | undefined;
  tier?: ClvTier | undefined;
};

export type ContactPageQuery = ContactFilter & {
  sort: ContactSort;
  after?: PagePosition | undefined;
  offset?: number | undefined;
  limit: number;
};

function listedContacts(db: Kysely<Database>, { tag, companyId, stage, tier }: ContactFilter) {
  let query = db.selectFrom('contacts').where('deleted_at', 'is', null);
  // An equality on company_id walks contacts_by_company: a company's people cost
  // what they number, not what the address book does.
  if (companyId !== undefined) query = query.where('company_id', '=', companyId);
  if (tag !== undefined) {
    query = query.where('id', 'in', (sub) =>
      sub.selectFrom('contact_tags').select('contact_id').where(sql<boolean>`tag = ${tag} collate nocase`),
    );
  }
  // Stage and tier as of the last recompute (customer_values_by_stage, customer_values_by_tier).
  if (stage !== undefined) query = query.where('id', 'in', (sub) => sub.selectFrom('customer_values').select('contact_id').where('stage', '=', stage));
  if (tier !== undefined) query = query.where('id', 'in', (sub) => sub.selectFrom('customer_values').select('contact_id').where('tier', '=', tier));
  return query;
}

/**
 * One page of contacts not in the Trash, by name (A→Z) or last updated (newest
 * first). Keyset paging walks the partial indexes, so a page costs the same at
 * row 90,000 as at row 0.
 */
export async function findContactPage(db: Kysely<Database>, query: ContactPageQuery): Promise<ContactRow[]> {
  let select = listedContacts(db, query).selectAll();
  const { after } = query;
  if (query.sort === 'name') {
    if (after) select = select.where(sql<boolean>`(sort_key, id) > (${after.key}, ${after.id})`);
    select = select.orderBy('sort_key').orderBy('id');
  } else {
    if (after) select = select.where(sql<boolean>`(updated_at, id) < (${after.key}, ${after.id})`);
    select = select.orderBy('updated_at', 'desc').orderBy('id', 'desc');
  }
  select = select.limit(query.limit);
  if (query.offset !== undefined) select = select.offset(query.offset);
  return select.execute();
}

export async function countListedContacts(db: Kysely<Database>, filter: ContactFilter): Promise<number> {
  const row = await listedContacts(db, filter).select(sql<number>`count(*)`.as('count')).executeTakeFirstOrThrow();
  return row.count;
}

export function positionOf(row: ContactRow, sort: ContactSort): PagePosition {
  return { key: sort === 'name' ? row.sort_key : row.updated_at, id: row.id };
}
