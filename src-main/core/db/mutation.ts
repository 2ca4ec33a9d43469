import type { AppError } from '../../../shared/api/errors.ts';
import type { CoreEvent } from '../../../shared/api/events.ts';
import type { CoreContext } from '../context.ts';
import type { Db } from './handle.ts';

/** Every stored record keeps the time it last changed. */
type Stamped = { updated_at: string };

/** The check an edit of an existing record makes first: nobody changed it since the user's edit began. */
export type UnchangedSince<Current extends Stamped> = {
  /** The `updatedAt` the user's edit started from. */
  expectedUpdatedAt: string;
  /** Reads the record inside the transaction; throws when it cannot be changed at all (gone, in the Trash). */
  read: (tx: Db) => Promise<Current>;
  /** What the user is told when it was changed meanwhile, carrying what it is now. */
  conflict: (tx: Db, current: Current) => Promise<AppError>;
};

type Write<Result> = {
  run: (tx: Db) => Promise<Result>;
  /** The changes the committed result makes, for every open window (one write may change several domains' views). */
  changed: (result: Result) => CoreEvent | CoreEvent[];
};

type CheckedWrite<Result, Current extends Stamped> = {
  unchangedSince: UnchangedSince<Current>;
  run: (tx: Db, current: Current) => Promise<Result>;
  changed: (result: Result) => CoreEvent | CoreEvent[];
};

/**
 * The one way a service writes: `run` holds only the domain's rules. The wrapper
 * runs it in one transaction, first checking `unchangedSince` when given, and
 * publishes the change event once the transaction has committed, never for a
 * write that was rolled back.
 */
export async function mutate<Result, Current extends Stamped>(ctx: CoreContext, write: CheckedWrite<Result, Current>): Promise<Result>;
export async function mutate<Result>(ctx: CoreContext, write: Write<Result>): Promise<Result>;
export async function mutate<Result, Current extends Stamped>(
  ctx: CoreContext,
  write: Write<Result> | CheckedWrite<Result, Current>,
): Promise<Result> {
  const result = await ctx.db.transaction().execute(async (tx) => {
    if (!('unchangedSince' in write)) return write.run(tx);
    const { expectedUpdatedAt, read, conflict } = write.unchangedSince;
    const current = await read(tx);
    if (current.updated_at !== expectedUpdatedAt) throw await conflict(tx, current);
    return write.run(tx, current);
  });
  for (const event of [write.changed(result)].flat()) ctx.publish(event);
  return result;
}
