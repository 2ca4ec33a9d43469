import type { Kysely } from 'kysely';
import type { EventName, EventPayload } from '../../shared/api/events.ts';
import type { Database } from './db/schema.ts';

/** What every service call gets: the database and a way to tell open windows what changed. */
export type CoreContext = {
  db: Kysely<Database>;
  publish: <E extends EventName>(name: E, payload: EventPayload<E>) => void;
};
