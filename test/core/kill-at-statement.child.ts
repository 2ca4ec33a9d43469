// Starts Ambassador and kills its own process with SIGKILL right after the Nth
// SQL statement of the migrations: a real kill -9 at a known point.
// Usage: node kill-at-statement.child.ts <data dir> <N>
import type { KyselyPlugin } from 'kysely';
import { openDatabase } from '../../src-main/core/db/database.ts';
import { migrateToLatest } from '../../src-main/core/db/migrate.ts';

const [dataDir, killAfterText] = process.argv.slice(2);
const killAfter = Number(killAfterText);
let statements = 0;
const killer: KyselyPlugin = {
  transformQuery: (args) => args.node,
  transformResult: async (args) => {
    statements += 1;
    if (statements === killAfter) process.kill(process.pid, 'SIGKILL');
    return args.result;
  },
};

const { db } = openDatabase(dataDir!);
await migrateToLatest(db.withPlugin(killer));
await db.destroy();
console.log(`finished after ${statements} statements, before the kill`);
