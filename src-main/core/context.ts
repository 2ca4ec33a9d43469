import type { CoreEvent } from '../../shared/api/events.ts';
import type { Db } from './db/handle.ts';

/** What every service call gets: the database and a way to tell open windows what changed. */
export type CoreContext = {
  db: Db;
  /** Only the mutation wrapper (db/mutation.ts) publishes: after its write has committed. */
  publish: (event: CoreEvent) => void;
};
