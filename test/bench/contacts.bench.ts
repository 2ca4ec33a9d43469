import Sqlite from 'better-sqlite3';
import { execFileSync, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createCore, type Core } from '../../src-main/core/core.ts';
import { insertContactsInBulk } from '../../src-main/core/contacts/contacts.service.ts';
import { openDatabase } from '../../src-main/core/db/database.ts';
import { migrateToLatest } from '../../src-main/core/db/migrate.ts';
import { serveBrowserMode } from '../../src-main/http/serve.ts';
import { makeTempDataDir } from '../helpers/temp-data-dir.ts';
import { generateContacts } from './generate-contacts.ts';
import { median, percentile95, time } from './timing.ts';

// The contact list and start-up at 10,000, 100,000 and (BENCH_SIZE=full) 200,000
// contacts: each row through the whole core (dispatch, validation, kysely)
// beside the same rows read straight from better-sqlite3 by the cheapest SQL
// that gives them (the floor), and the goal of issue 12.

const stages = ['detractor', 'at_risk', 'movable', 'ambassador'] as const;

/** The bulk path, in one transaction; every third contact gets a ladder stage and CLV tier, as a recompute would. */
async function fill(dataDir: string, count: number): Promise<number> {
  const start = performance.now();
  const opened = openDatabase(dataDir);
  await migrateToLatest(opened.db);
  const items = generateContacts(count).map((fields) => ({ id: randomUUID(), fields }));
  const now = new Date().toISOString();
  await opened.db.transaction().execute(async (trx) => {
    for (let index = 0; index < items.length; index += 5000) await insertContactsInBulk(trx, items.slice(index, index + 5000), now);
  });
  const value = opened.sqlite.prepare(`insert into customer_values (contact_id, computed_at, purchases, historical_cents, predicted_clv_cents, tier, stage)
    values (?, ?, 1, 1000, ?, ?, ?)`);
  opened.sqlite.transaction(() => {
    items.forEach((item, index) => {
      if (index % 3 === 0) value.run(item.id, now, index, index % 9 === 0 ? 'top' : 'rest', stages[(index / 3) % 4]);
    });
  })();
  opened.sqlite.exec('analyze');
  await opened.db.destroy();
  return performance.now() - start;
}

/** The rows a window shows, fetched the way the service does: contacts, primary email/phone, tags. */
function rawSummaries(sqlite: Sqlite.Database) {
  const methods = sqlite.prepare('select * from contact_methods where is_primary = 1 and contact_id in (select value from json_each(?))');
  const tags = sqlite.prepare('select * from contact_tags where contact_id in (select value from json_each(?)) order by contact_id, position');
  return (rows: Array<{ id: string }>) => {
    const ids = JSON.stringify(rows.map((row) => row.id));
    return [rows, methods.all(ids), tags.all(ids)];
  };
}

type Sort = 'name' | 'updated';
const orderOf = { name: 'sort_key, id', updated: 'updated_at desc, id desc' };
const keyOf = { name: 'sort_key', updated: 'updated_at' };

/** The floor of a window: a keyset page from the position of its first row, known in advance (no counting to it). */
function rawWindow(sqlite: Sqlite.Database, sort: Sort, filter: string, offset: number, withTotal: boolean) {
  const summaries = rawSummaries(sqlite);
  const first = sqlite.prepare(`select ${keyOf[sort]} as key, id from contacts where deleted_at is null ${filter} order by ${orderOf[sort]} limit 1 offset ?`).get(offset) as
    | { key: string; id: string }
    | undefined;
  const op = sort === 'name' ? '>=' : '<=';
  const page = sqlite.prepare(`select * from contacts where deleted_at is null ${filter} and (${keyOf[sort]}, id) ${op} (?, ?) order by ${orderOf[sort]} limit 201`);
  const count = sqlite.prepare('select (select count(*) from contacts) - (select count(*) from contacts where deleted_at is not null)');
  return () => [summaries(page.all(first?.key ?? '', first?.id ?? '') as Array<{ id: string }>), withTotal ? count.get() : null];
}

type Row = Record<string, string>;

function verdict(value: number, goal: number): string {
  return value <= goal ? 'met' : `MISSED by ${(value - goal).toFixed(1)} ms`;
}

function row(operation: string, ours: number[], floor: number[] | undefined, goal: number, by: 'p50' | 'p95' = 'p95'): Row {
  const measured = by === 'p95' ? percentile95(ours) : median(ours);
  return {
    operation,
    'ours p50 ms': median(ours).toFixed(2),
    'ours p95 ms': percentile95(ours).toFixed(2),
    'raw floor p50 ms': floor ? median(floor).toFixed(2) : '–',
    goal: `${by} ≤ ${goal} ms`,
    result: verdict(measured, goal),
  };
}

async function call(core: Core, method: string, input: unknown): Promise<unknown> {
  const result = await core.dispatch(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value;
}

async function listRows(core: Core, sqlite: Sqlite.Database, count: number): Promise<Row[]> {
  const rows: Row[] = [];
  const positions = [
    ['row 0', 0],
    ['middle', Math.floor(count / 2)],
    ['end', count - 200],
  ] as const;
  for (const sort of ['name', 'updated'] as const) {
    for (const [where, offset] of positions) {
      for (const withTotal of [true, false]) {
        const ours = await time(() => call(core, 'contacts.list', { sort, offset, limit: 200, withTotal }));
        const floor = await time(rawWindow(sqlite, sort, '', offset, withTotal));
        rows.push(row(`window by ${sort} at ${where}${withTotal ? ', with total' : ''}`, ours, floor, 5));
      }
    }
  }
  // Jumps to places no window has been: each starts from the nearest remembered position.
  let jump = 0;
  const jumps = await time(() => call(core, 'contacts.list', { sort: 'name', offset: ((jump += 7919) * 13) % (count - 200), limit: 200, withTotal: false }));
  rows.push(row('window by name, jumps to new offsets', jumps, undefined, 5));
  // Any write forgets the remembered positions: the next far window counts from the top again.
  const afterWrite: number[] = [];
  for (let run = 0; run < 10; run += 1) {
    await call(core, 'contacts.create', { firstName: 'Written' });
    const start = performance.now();
    await call(core, 'contacts.list', { sort: 'name', offset: Math.floor(count * 0.9), limit: 200, withTotal: false });
    afterWrite.push(performance.now() - start);
  }
  rows.push(row('window by name at 90%, first after a write', afterWrite, undefined, 5));

  const filters = [
    ['tag “vip”', { tag: 'vip' }, "and exists (select 1 from contact_tags t where t.tag = 'vip' collate nocase and t.contact_id = contacts.id)"],
    ['stage “ambassador”', { stage: 'ambassador' }, "and exists (select 1 from customer_values v where v.stage = 'ambassador' and v.contact_id = contacts.id)"],
  ] as const;
  for (const [what, filter, sqlFilter] of filters) {
    const total = (await call(core, 'contacts.list', { ...filter, limit: 1 })) as { total: number };
    for (const [where, offset] of [['row 0', 0], ['middle', Math.floor(total.total / 2)]] as const) {
      const ours = await time(() => call(core, 'contacts.list', { ...filter, sort: 'name', offset, limit: 200, withTotal: offset === 0 }));
      const floor = await time(rawWindow(sqlite, 'name', sqlFilter, offset, false));
      rows.push(row(`filtered by ${what} at ${where}${offset === 0 ? ', with total' : ''}`, ours, floor, 5));
    }
  }
  const tagCounts = sqlite.prepare('select min(tag), sum(contacts) from tag_counts where contacts > 0 group by tag collate nocase order by tag collate nocase');
  rows.push(row('tags.list', await time(() => call(core, 'tags.list', {})), await time(() => tagCounts.all()), 5));
  const counts = sqlite.prepare('select (select count(*) from contacts), (select count(*) from contacts where deleted_at is not null)');
  rows.push(row('contacts.count', await time(() => call(core, 'contacts.count', {})), await time(() => counts.get()), 5));
  return rows;
}

async function startRows(dataDir: string): Promise<Row[]> {
  const firstAnswer = await time(async () => {
    const core = await createCore({ dataDir });
    await call(core, 'contacts.list', { sort: 'name', limit: 200 });
    await core.close();
  }, 5);
  const built = existsSync('dist-main/cli.js');
  const serve = await built ? await serveTimes(dataDir) : await time(async () => (await serveBrowserMode({ dataDir, port: 0 })).stop(), 5);
  return [
    row('open to first answer (createCore + first window)', firstAnswer, undefined, 500, 'p50'),
    row(built ? 'node dist-main/cli.js serve, spawn to address printed' : 'serve in-process to address (no build: core worker + HTTP bridge)', serve, undefined, 1000, 'p50'),
  ];
}

async function serveTimes(dataDir: string): Promise<number[]> {
  const times: number[] = [];
  for (let run = 0; run < 5; run += 1) times.push(await serveAddressTime(dataDir));
  return times;
}

/** Spawns the built `ambassador serve` and waits for the address on its first line; then stops it. */
function serveAddressTime(dataDir: string): Promise<number> {
  const start = performance.now();
  const child = spawn(process.execPath, ['dist-main/cli.js', 'serve', '--data-dir', dataDir, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let printed = '';
    child.stdout.on('data', (chunk: Buffer) => {
      printed += chunk.toString();
      if (!printed.includes('http://')) return;
      const elapsed = performance.now() - start;
      child.once('exit', () => resolve(elapsed));
      child.kill('SIGINT');
    });
    child.once('error', reject);
  });
}

/** The RSS of a process that ran only the core through a session of scrolling and searching. */
function sessionRss(dataDir: string): number {
  const printed = execFileSync(process.execPath, ['--expose-gc', join(import.meta.dirname, 'core-session.child.ts'), dataDir], { encoding: 'utf8' });
  return (JSON.parse(printed) as { rss: number }).rss / 2 ** 20;
}

async function benchSize(count: number): Promise<void> {
  const data = makeTempDataDir('ambassador-bench-');
  try {
    const fillMs = await fill(data.dir, count);
    const rows = await startRows(data.dir);
    const core = await createCore({ dataDir: data.dir, recomputeInsights: false });
    const sqlite = new Sqlite(join(data.dir, 'ambassador.sqlite'), { readonly: true });
    sqlite.pragma('cache_size = -65536');
    rows.unshift(...(await listRows(core, sqlite, count)));
    sqlite.close();
    await core.close();
    const rss = sessionRss(data.dir);
    rows.push({ operation: 'RSS of a process running the core, after scrolling every window and searching', 'ours p50 ms': `${rss.toFixed(0)} MB`, goal: '≤ 200 MB', result: rss <= 200 ? 'met' : `MISSED by ${(rss - 200).toFixed(0)} MB` });
    console.log(`\nContact list and start-up: ${count.toLocaleString('en')} contacts (filled through insertContactsInBulk in ${(fillMs / 1000).toFixed(1)} s)`);
    console.table(rows);
  } finally {
    data.remove();
  }
}

export async function run(): Promise<void> {
  await benchSize(10_000);
  if (process.env.BENCH_SMALL) return;
  await benchSize(100_000);
  if (process.env.BENCH_SIZE === 'full') await benchSize(200_000);
}
