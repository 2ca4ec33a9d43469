import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';

/**
 * The database as services and handlers hold it: passed on to repositories,
 * never queried directly (lint refuses queries outside repositories and db/).
 */
export type Db = Kysely<Database>;
