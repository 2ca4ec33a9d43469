// Starts Ambassador and kills its own process with SIGKILL right after the
// statement that creates the named table: a real kill -9 at a known point.
// Usage: node kill-at-statement.child.ts <data dir> <table>
import type { KyselyPlugin, RootOperationNode } from 'kysely';
import { openDatabase } from '../../src-main/core/db/database.ts';
import { migrateToLatest } from '../../src-main/core/db/migrate.ts';

const [dataDir, table] = process.argv.slice(2);
const creates = (node: RootOperationNode) => node.kind === 'CreateTableNode' && node.table.table.identifier.name === table;
const creating = new Set<unknown>();
const killer: KyselyPlugin = {
  transformQuery: (args) => {
    if (creates(args.node)) creating.add(args.queryId);
    return args.node;
  },
  transformResult: async (args) => {
    if (creating.has(args.queryId)) process.kill(process.pid, 'SIGKILL');
    return args.result;
  },
};

const { db } = openDatabase(dataDir!);
await migrateToLatest(db.withPlugin(killer));
await db.destroy();
console.log(`no create table ${table} ran: nothing to kill`);
