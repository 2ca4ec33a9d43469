// Runs one contact import and kills its own process with SIGKILL right after
// the import's Nth SQL statement: a real kill -9 at a known point inside the
// import's transaction. With N past the last statement the import completes,
// and the child prints how many statements it ran.
// Usage: node kill-during-import.child.ts <data dir> <csv file> <N>
import type { KyselyPlugin } from 'kysely';
import type { CoreContext } from '../../src-main/core/context.ts';
import { closeDatabase, openDatabase } from '../../src-main/core/db/database.ts';
import { migrateToLatest } from '../../src-main/core/db/migrate.ts';
import { dispatch } from '../../src-main/core/dispatch.ts';
import { handlers } from '../../src-main/core/handlers.ts';

const [dataDir, file, killAfter] = process.argv.slice(2);
let statements = 0;
const killer: KyselyPlugin = {
  transformQuery: (args) => args.node,
  transformResult: async (args) => {
    statements += 1;
    if (statements === Number(killAfter)) process.kill(process.pid, 'SIGKILL');
    return args.result;
  },
};

const opened = openDatabase(dataDir!);
await migrateToLatest(opened.db);
const ctx: CoreContext = { db: opened.db.withPlugin(killer), publish: () => {} };
const result = await dispatch(handlers, ctx, 'transfer.importContacts', { file, duplicates: { all: 'merge' } });
await closeDatabase(opened);
console.log(JSON.stringify({ ok: result.ok, statements }));
