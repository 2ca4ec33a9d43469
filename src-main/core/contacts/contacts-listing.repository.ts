import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { ContactSort } from '../../../shared/contacts/contacts.schemas.ts';
import type { ClvTier } from '../../../shared/insights/insights.schemas.ts';
import type { LoyaltyStage } from '../../../shared/insights/loyalty.schemas.ts';
import type { Database } from '../db/schema.ts';
import type { ContactRow } from './contacts.table.ts';
import { anchorsFor, listName, type AnchorBook, type PagePosition } from './list-anchors.ts';

export type { PagePosition } from './list-anchors.ts';

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

/** How a filter is applied: by walking the list's order and checking each contact, or from the filter's own few rows. */
type FilterPlan = 'walk' | 'from-filter';

function filterConditions({ tag, stage, tier }: ContactFilter): Array<RawBuilder<boolean>> {
  const conditions: Array<RawBuilder<boolean>> = [];
  // Stage and tier as of the last recompute (customer_values_by_stage, customer_values_by_tier_contact).
  if (tag !== undefined) conditions.push(sql`exists (select 1 from contact_tags t where t.tag = ${tag} collate nocase and t.contact_id = contacts.id)`);
  if (stage !== undefined) conditions.push(sql`exists (select 1 from customer_values v where v.stage = ${stage} and v.contact_id = contacts.id)`);
  if (tier !== undefined) conditions.push(sql`exists (select 1 from customer_values v where v.tier = ${tier} and v.contact_id = contacts.id)`);
  return conditions;
}

function filterSets({ tag, stage, tier }: ContactFilter) {
  return [
    tag === undefined ? undefined : sql<string>`select contact_id from contact_tags where tag = ${tag} collate nocase`,
    stage === undefined ? undefined : sql<string>`select contact_id from customer_values where stage = ${stage}`,
    tier === undefined ? undefined : sql<string>`select contact_id from customer_values where tier = ${tier}`,
  ].filter((set) => set !== undefined);
}

function listedContacts(db: Kysely<Database>, filter: ContactFilter, plan: FilterPlan = 'walk') {
  let query = db.selectFrom('contacts').where('deleted_at', 'is', null);
  // An equality on company_id walks contacts_by_company: a company's people cost
  // what they number, not what the address book does.
  if (filter.companyId !== undefined) query = query.where('company_id', '=', filter.companyId);
  // Walking the list's index and checking each contact finds a window of a
  // common tag at once; a rare one would check the whole book, so its few
  // contacts are read from the filter's index and sorted instead.
  if (plan === 'walk') for (const condition of filterConditions(filter)) query = query.where(condition);
  else for (const set of filterSets(filter)) query = query.where(sql<boolean>`id in (${set})`);
  return query;
}

/** How many contacts the smallest of the filter's sets holds (read from its index alone), or none without such a filter. */
async function smallestFilterSet(db: Kysely<Database>, filter: ContactFilter): Promise<number | undefined> {
  const sizes = await Promise.all(
    filterSets(filter).map(async (set) => (await sql<{ count: number }>`select count(*) as count from (${set})`.execute(db)).rows[0]!.count),
  );
  return sizes.length === 0 ? undefined : Math.min(...sizes);
}

async function countAll(db: Kysely<Database>): Promise<number> {
  const result = await sql<{ count: number }>`select (select count(*) from contacts) - (select count(*) from contacts where deleted_at is not null) as count`.execute(db);
  return result.rows[0]!.count;
}

/** Walking checks about this many contacts per row it keeps before a sort of the filter's own rows costs less. */
async function planFor(db: Kysely<Database>, filter: ContactFilter, rowsWanted: number): Promise<FilterPlan> {
  const smallest = await smallestFilterSet(db, filter);
  if (smallest === undefined) return 'walk';
  const book = await countAll(db);
  const checkedByWalking = smallest === 0 ? book : (rowsWanted * book) / smallest;
  return checkedByWalking > smallest * 4 ? 'from-filter' : 'walk';
}

function keyOf(sort: ContactSort) {
  return sort === 'name' ? sql<string>`sort_key` : sql<string>`updated_at`;
}

/** The list in its order from `from` (inclusive) or `after` (exclusive) a position. */
function inOrder(db: Kysely<Database>, query: ContactPageQuery, plan: FilterPlan, start?: { position: PagePosition; inclusive: boolean }) {
  let select = listedContacts(db, query, plan);
  if (start) {
    const { key, id } = start.position;
    const op = sql.raw(query.sort === 'name' ? (start.inclusive ? '>=' : '>') : start.inclusive ? '<=' : '<');
    select = select.where(sql<boolean>`(${keyOf(query.sort)}, id) ${op} (${key}, ${id})`);
  }
  return query.sort === 'name' ? select.orderBy('sort_key').orderBy('id') : select.orderBy('updated_at', 'desc').orderBy('id', 'desc');
}

const books = new WeakMap<object, AnchorBook>();

/** Names the database's state: any write on this connection or another changes it. */
async function editionOf(db: Kysely<Database>): Promise<string> {
  const result = await sql<{ changes: number; version: number }>`select total_changes() as changes, (select data_version from pragma_data_version) as version`.execute(db);
  const row = result.rows[0]!;
  return `${row.changes}:${row.version}`;
}

/**
 * The window at `offset`: from the position of that row if an earlier window
 * left it, else counting only the rows after the nearest position one left.
 */
async function windowAt(db: Kysely<Database>, book: AnchorBook, query: ContactPageQuery, offset: number): Promise<ContactRow[]> {
  const anchors = anchorsFor(book, await editionOf(db), listName(query.sort, query));
  let position = anchors.at(offset);
  // Walking checks only the rows from the nearest known position on.
  const nearest = position ? { offset, position } : anchors.before(offset);
  const plan = await planFor(db, query, offset - (nearest?.offset ?? 0) + query.limit);
  if (!position) {
    const start = nearest && { position: nearest.position, inclusive: true };
    const row = await inOrder(db, query, plan, start)
      .select([keyOf(query.sort).as('key'), 'id'])
      .limit(1)
      .offset(offset - (nearest?.offset ?? 0))
      .executeTakeFirst();
    if (!row) return [];
    position = { key: row.key, id: row.id };
  }
  const rows = await inOrder(db, query, plan, { position, inclusive: true }).selectAll().limit(query.limit).execute();
  anchors.remember(offset, position);
  const last = rows.at(-1);
  if (last) anchors.remember(offset + rows.length - 1, positionOf(last, query.sort));
  return rows;
}

/**
 * One page of contacts not in the Trash, by name (A→Z) or last updated (newest
 * first). Keyset paging walks the partial indexes, so a page costs the same at
 * row 90,000 as at row 0; a window by offset starts from the nearest position
 * an earlier window left (list-anchors.ts), all in one turn on the connection,
 * so no write can come between the check that they are current and their use.
 */
export async function findContactPage(db: Kysely<Database>, query: ContactPageQuery): Promise<ContactRow[]> {
  const book = books.get(db) ?? { edition: '', lists: new Map() };
  books.set(db, book);
  return db.connection().execute(async (connection) => {
    if (query.offset !== undefined && query.offset > 0) return windowAt(connection, book, query, query.offset);
    const plan = await planFor(connection, query, query.limit);
    const start = query.after && { position: query.after, inclusive: false };
    return inOrder(connection, query, plan, start).selectAll().limit(query.limit).execute();
  });
}

/**
 * How many contacts a list holds. All of them: every contact less the Trash,
 * two index counts. Filtered by tag, stage or tier: the filter's own rows less
 * those of contacts in the Trash, so it costs what the filter holds.
 */
export async function countListedContacts(db: Kysely<Database>, filter: ContactFilter): Promise<number> {
  const sets = filterSets(filter);
  if (filter.companyId === undefined && sets.length === 0) return countAll(db);
  if (filter.companyId === undefined && sets.length === 1) {
    // The Trash is walked and each of its contacts checked: it is small, the filter's set may not be.
    const result = await sql<{ count: number }>`select (select count(*) from (${sets[0]!}))
      - (select count(*) from contacts where deleted_at is not null and ${filterConditions(filter)[0]!}) as count`.execute(db);
    return result.rows[0]!.count;
  }
  const row = await listedContacts(db, filter, 'from-filter').select(sql<number>`count(*)`.as('count')).executeTakeFirstOrThrow();
  return row.count;
}

/** Tags on contacts that are not in the Trash, with how many contacts carry each, spellings that differ only in case together. */
export async function countTags(db: Kysely<Database>): Promise<Array<{ name: string; count: number }>> {
  // tag_counts is kept by the triggers of migration 0010: a few rows, not every tagged contact.
  const result = await sql<{ name: string; count: number }>`select min(tag) as name, sum(contacts) as count from tag_counts
    where contacts > 0 group by tag collate nocase order by tag collate nocase`.execute(db);
  return result.rows;
}

export function positionOf(row: ContactRow, sort: ContactSort): PagePosition {
  return { key: sort === 'name' ? row.sort_key : row.updated_at, id: row.id };
}
