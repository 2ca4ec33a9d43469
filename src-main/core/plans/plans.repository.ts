import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { NewPlanRow, PlanHeldBackRow, PlanRow, PlanRunRow, PlanRunStepRow } from './plans.table.ts';

type Q = Kysely<Database>;

export async function findPlans(db: Q): Promise<PlanRow[]> {
  return db.selectFrom('plans').selectAll().orderBy('name').orderBy('id').execute();
}

export async function findPlanById(db: Q, id: string): Promise<PlanRow | undefined> {
  return db.selectFrom('plans').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertPlan(db: Q, row: NewPlanRow): Promise<PlanRow> {
  return db.insertInto('plans').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updatePlanRow(db: Q, id: string, changes: Partial<NewPlanRow>): Promise<PlanRow> {
  return db.updateTable('plans').set(changes).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

export async function insertRun(db: Q, run: PlanRunRow, steps: PlanRunStepRow[]): Promise<void> {
  await db.insertInto('plan_runs').values(run).execute();
  if (steps.length > 0) await db.insertInto('plan_run_steps').values(steps).execute();
}

export async function setRunCancelled(db: Q, id: string, at: string): Promise<void> {
  await db.updateTable('plan_runs').set({ cancelled_at: at }).where('id', '=', id).execute();
}

export async function findRunById(db: Q, id: string): Promise<PlanRunRow | undefined> {
  return db.selectFrom('plan_runs').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findRuns(db: Q, filter: { contactId?: string | undefined; runId?: string | undefined }): Promise<Array<PlanRunRow & { contact_name: string }>> {
  let query = db.selectFrom('plan_runs as r').innerJoin('contacts as c', 'c.id', 'r.contact_id').selectAll('r').select('c.display_name as contact_name');
  if (filter.contactId !== undefined) query = query.where('r.contact_id', '=', filter.contactId);
  if (filter.runId !== undefined) query = query.where('r.id', '=', filter.runId);
  return query.orderBy('r.started_at', 'desc').orderBy('r.id', 'desc').execute();
}

/** A run's steps with the state of the follow-up each made (null when it is gone for good). */
export type RunStepWithState = PlanRunStepRow & { status: 'open' | 'done' | 'skipped' | null; deleted_at: string | null };

export async function findRunSteps(db: Q, runIds: string[]): Promise<RunStepWithState[]> {
  if (runIds.length === 0) return [];
  return db
    .selectFrom('plan_run_steps as s')
    .leftJoin('followups as f', 'f.id', 's.followup_id')
    .selectAll('s')
    .select(['f.status', 'f.deleted_at'])
    .where('s.run_id', 'in', runIds)
    .orderBy('s.run_id')
    .orderBy('s.position')
    .execute();
}

function openRuns(db: Q) {
  return db
    .selectFrom('plan_runs as r')
    .where('r.cancelled_at', 'is', null)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('plan_run_steps as s')
          .innerJoin('followups as f', 'f.id', 's.followup_id')
          .select('s.run_id')
          .whereRef('s.run_id', '=', 'r.id')
          .where('f.status', '=', 'open')
          .where('f.deleted_at', 'is', null),
      ),
    );
}

/** Plans with a run still open for this contact. */
export async function findPlansRunningFor(db: Q, contactId: string): Promise<string[]> {
  const rows = await openRuns(db).select('r.plan_id').where('r.contact_id', '=', contactId).distinct().execute();
  return rows.map((row) => row.plan_id);
}

/** Open runs per plan. */
export async function countOpenRuns(db: Q): Promise<Map<string, number>> {
  const rows = await openRuns(db).select((eb) => ['r.plan_id', eb.fn.countAll<number>().as('count')]).groupBy('r.plan_id').execute();
  return new Map(rows.map((row) => [row.plan_id, Number(row.count)]));
}

/** Due dates of the follow-ups triggers made for this contact (not in the Trash), from `from` to `to` inclusive. */
export async function findAutomaticTouchDates(db: Q, contactId: string, from: string, to: string): Promise<string[]> {
  const rows = await db
    .selectFrom('plan_runs as r')
    .innerJoin('plan_run_steps as s', 's.run_id', 'r.id')
    .innerJoin('followups as f', 'f.id', 's.followup_id')
    .select('f.due_date')
    .where('r.contact_id', '=', contactId)
    .where('r.automatic', '=', 1)
    .where('f.deleted_at', 'is', null)
    .where('f.due_date', '>=', from)
    .where('f.due_date', '<=', to)
    .execute();
  return rows.map((row) => row.due_date);
}

export async function insertHeldBack(db: Q, rows: PlanHeldBackRow[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('plan_held_back').values(rows).execute();
}

export async function findHeldBack(db: Q, limit: number): Promise<Array<PlanHeldBackRow & { contact_name: string }>> {
  return db
    .selectFrom('plan_held_back as h')
    .innerJoin('contacts as c', 'c.id', 'h.contact_id')
    .selectAll('h')
    .select('c.display_name as contact_name')
    .orderBy('h.held_at', 'desc')
    .orderBy('h.id', 'desc')
    .limit(limit)
    .execute();
}
