import { AppError } from '../../../shared/api/errors.ts';
import { plansFieldLabels } from '../../../shared/plans/plans.labels.ts';
import type { Plan, PlanFields, PlanStep, PlanTrigger } from '../../../shared/plans/plans.schemas.ts';
import type { Db } from '../db/handle.ts';
import { builtInPlans, builtInSince, type BuiltInPlan } from './built-in-plans.ts';
import { unknownPlaceholder } from './plan-steps.ts';
import { countOpenRuns, findPlanById, findPlans, insertPlan } from './plans.repository.ts';
import type { NewPlanRow, PlanRow } from './plans.table.ts';

// The plans as stored, and the built-in ones not stored yet: a fresh database
// holds no plan rows (a JSON export loads only into an empty one), so the list
// shows the built-ins from their frozen data until a write stores them.

export function invalid(path: string, message: string): AppError {
  const label = (plansFieldLabels as Record<string, string>)[path.split('.')[0]!] ?? 'Plan';
  return new AppError('VALIDATION', `Please check: ${label}: ${message}`, { fields: [{ path, message }] });
}

export function planRowOf(fields: PlanFields): Omit<NewPlanRow, 'id' | 'built_in' | 'created_at' | 'updated_at'> {
  return {
    name: fields.name,
    description: fields.description,
    enabled: fields.enabled ? 1 : 0,
    skip_weekends: fields.skipWeekends ? 1 : 0,
    triggers: JSON.stringify(fields.triggers),
    steps: JSON.stringify(fields.steps),
  };
}

function builtInRow(plan: BuiltInPlan): PlanRow {
  return { id: plan.id, ...planRowOf(plan.fields), built_in: plan.builtIn, created_at: builtInSince, updated_at: builtInSince };
}

export function fieldsOf(row: PlanRow): PlanFields {
  return {
    name: row.name,
    description: row.description,
    enabled: row.enabled === 1,
    skipWeekends: row.skip_weekends === 1,
    triggers: JSON.parse(row.triggers) as PlanTrigger[],
    steps: JSON.parse(row.steps) as PlanStep[],
  };
}

export function rowToPlan(row: PlanRow, running: number): Plan {
  return { id: row.id, ...fieldsOf(row), builtIn: row.built_in, running, createdAt: row.created_at, updatedAt: row.updated_at };
}

/** Every plan, the built-ins not stored yet included, by name. */
export async function allPlanRows(db: Db): Promise<PlanRow[]> {
  const stored = await findPlans(db);
  const storedBuiltIns = new Set(stored.map((row) => row.built_in));
  const missing = builtInPlans.filter((plan) => !storedBuiltIns.has(plan.builtIn)).map(builtInRow);
  return [...stored, ...missing].sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}

/** Stores the built-in plans not stored yet, as they were shown; before any write that refers to a plan. */
export async function ensureBuiltInPlans(db: Db): Promise<void> {
  const stored = new Set((await findPlans(db)).map((row) => row.built_in));
  for (const plan of builtInPlans) if (!stored.has(plan.builtIn)) await insertPlan(db, builtInRow(plan));
}

export async function requirePlanRow(db: Db, id: string): Promise<PlanRow> {
  const row = (await findPlanById(db, id)) ?? (await allPlanRows(db)).find((each) => each.id === id);
  if (!row) throw new AppError('NOT_FOUND', 'That plan no longer exists.', { id });
  return row;
}

export async function plansWithRunning(db: Db, rows: PlanRow[]): Promise<Plan[]> {
  const running = await countOpenRuns(db);
  return rows.map((row) => rowToPlan(row, running.get(row.id) ?? 0));
}

/** An unknown placeholder is refused when the plan is saved, naming it and its step. */
export function checkPlan(fields: PlanFields): void {
  const unknown = unknownPlaceholder(fields.steps);
  if (unknown) throw invalid(unknown.path, unknown.message);
}
