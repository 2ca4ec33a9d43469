import { sql, type Kysely } from 'kysely';
import type { LoyaltyStage } from '../../../shared/insights/loyalty.schemas.ts';
import { insertMany } from '../db/bulk-insert.ts';
import type { Db } from '../db/handle.ts';
import type { LoyaltyMoveRow, LoyaltyMoveTable, LoyaltyOverrideTable, NpsScoreRow, NpsScoreTable } from './insights.table.ts';

// The ladder's evidence and history. The "latest" queries take, per contact,
// the row holding the max (SQLite returns the other columns from that row).
// Trashed contacts are left out by one lookup in the (small) set of trashed
// ids, which costs a fraction of a join to contacts per row.

const trashedIds = sql`(select id from contacts where deleted_at is not null)`;
const trashed = (db: Db) => db.selectFrom('contacts').select('id').where('deleted_at', 'is not', null);

export async function insertScore(db: Db, row: NpsScoreTable): Promise<NpsScoreRow> {
  return db.insertInto('nps_scores').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function findScores(db: Db, contactId: string): Promise<NpsScoreRow[]> {
  return db
    .selectFrom('nps_scores')
    .selectAll()
    .where('contact_id', '=', contactId)
    .where('deleted_at', 'is', null)
    .orderBy('scored_on', 'desc')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/** Each live contact's latest live score. */
export async function findLatestScores(db: Db): Promise<Array<{ contact_id: string; score: number; scored_on: string }>> {
  const result = await sql<{ contact_id: string; score: number; scored_on: string }>`
    select s.contact_id, s.score, s.scored_on, max(s.scored_on || ' ' || s.created_at || ' ' || s.id) as latest
    from nps_scores s
    where s.deleted_at is null and s.contact_id not in ${trashedIds}
    group by s.contact_id`.execute(db);
  return result.rows;
}

/**
 * Each live contact's latest live complaint (its instant). The kind is a literal,
 * not a parameter, so SQLite reads the small interactions_complaints index
 * instead of every interaction.
 */
export async function findLatestComplaints(db: Db, contactId?: string): Promise<Array<{ contact_id: string; occurred_at: string }>> {
  let query = db
    .selectFrom('interactions as i')
    .select(['i.contact_id', (eb) => eb.fn.max('i.occurred_at').as('occurred_at')])
    .where('i.kind', '=', sql.lit('complaint'))
    .where('i.deleted_at', 'is', null)
    .where('i.contact_id', 'not in', trashed(db));
  if (contactId !== undefined) query = query.where('i.contact_id', '=', contactId);
  return query.groupBy('i.contact_id').execute();
}

/** For each live contact who referred someone (a live referral naming them), the latest such referral's instant. */
export async function findLatestReferralsGiven(db: Db, contactId?: string): Promise<Array<{ contact_id: string; occurred_at: string }>> {
  let query = db
    .selectFrom('interactions as i')
    .select([sql<string>`i.referred_by_id`.as('contact_id'), (eb) => eb.fn.max('i.occurred_at').as('occurred_at')])
    .where('i.referred_by_id', 'is not', null)
    .where('i.kind', '=', 'referral')
    .where('i.deleted_at', 'is', null)
    .where('i.referred_by_id', 'not in', trashed(db))
    .where('i.contact_id', 'not in', trashed(db));
  if (contactId !== undefined) query = query.where('i.referred_by_id', '=', contactId);
  return query.groupBy('i.referred_by_id').execute();
}

export async function findOverride(db: Db, contactId: string): Promise<LoyaltyOverrideTable | undefined> {
  return db.selectFrom('loyalty_overrides').selectAll().where('contact_id', '=', contactId).executeTakeFirst();
}

export async function findOverrides(db: Db): Promise<LoyaltyOverrideTable[]> {
  return db
    .selectFrom('loyalty_overrides as o')
    .innerJoin('contacts as c', (join) => join.onRef('c.id', '=', 'o.contact_id').on('c.deleted_at', 'is', null))
    .selectAll('o')
    .execute();
}

export async function saveOverride(db: Db, row: LoyaltyOverrideTable): Promise<void> {
  await db
    .insertInto('loyalty_overrides')
    .values(row)
    .onConflict((oc) => oc.column('contact_id').doUpdateSet({ stage: row.stage, reason: row.reason, set_at: row.set_at }))
    .execute();
}

export async function deleteOverride(db: Db, contactId: string): Promise<void> {
  await db.deleteFrom('loyalty_overrides').where('contact_id', '=', contactId).execute();
}

export async function findMoves(db: Db, contactId: string): Promise<LoyaltyMoveRow[]> {
  return db.selectFrom('loyalty_moves').selectAll().where('contact_id', '=', contactId).orderBy('moved_at', 'desc').orderBy('id', 'desc').execute();
}

/** Each live contact's stage after their latest move: the stage shown to them now. */
export async function findShownStages(db: Db): Promise<Map<string, LoyaltyStage | null>> {
  const result = await sql<{ contact_id: string; to_stage: LoyaltyStage | null }>`
    select m.contact_id, m.to_stage, max(m.moved_at || ' ' || m.id) as latest
    from loyalty_moves m
    where m.contact_id not in ${trashedIds}
    group by m.contact_id`.execute(db);
  return new Map(result.rows.map((row) => [row.contact_id, row.to_stage]));
}

const moveColumns = ['id', 'contact_id', 'moved_at', 'moved_on', 'from_stage', 'to_stage', 'source', 'reason'] as const satisfies ReadonlyArray<keyof LoyaltyMoveTable>;

export async function insertMoves(db: Db, moves: LoyaltyMoveTable[]): Promise<void> {
  await insertMany(db as Kysely<unknown>, 'loyalty_moves', moveColumns, moves.map((move) => moveColumns.map((column) => move[column])));
}

export async function isLiveContact(db: Db, contactId: string): Promise<boolean> {
  const row = await db.selectFrom('contacts').select('id').where('id', '=', contactId).where('deleted_at', 'is', null).executeTakeFirst();
  return row !== undefined;
}

/** One contact's purchase days (sales and closings), oldest first. */
export async function findPurchaseDaysOf(db: Db, contactId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('purchases')
    .select('occurred_on')
    .where('contact_id', '=', contactId)
    .where('deleted_at', 'is', null)
    .where('kind', '<>', 'refund')
    .groupBy('occurred_on')
    .orderBy('occurred_on')
    .execute();
  return rows.map((row) => row.occurred_on);
}

/** The stage shown to one contact now: where their latest move took them (undefined: never on the ladder). */
export async function findShownStageOf(db: Db, contactId: string): Promise<LoyaltyMoveTable['to_stage'] | undefined> {
  const row = await db
    .selectFrom('loyalty_moves')
    .select('to_stage')
    .where('contact_id', '=', contactId)
    .orderBy('moved_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return row?.to_stage;
}

/** Each of these contacts' first sale or closing day, for those who have one. */
export async function findFirstPurchaseDays(db: Db, contactIds: string[]): Promise<Array<{ contact_id: string; first_on: string }>> {
  if (contactIds.length === 0) return [];
  return db
    .selectFrom('purchases')
    .select(['contact_id', (eb) => eb.fn.min<string>('occurred_on').as('first_on')])
    .where('contact_id', 'in', contactIds)
    .where('deleted_at', 'is', null)
    .where('kind', '<>', 'refund')
    .groupBy('contact_id')
    .execute();
}
