import Sqlite from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCore } from '../../src-main/core/core.ts';
import { openDatabase } from '../../src-main/core/db/database.ts';
import { migrateToLatest } from '../../src-main/core/db/migrate.ts';
import { makeTempDataDir } from '../helpers/temp-data-dir.ts';
import { generateBook } from './generate-book.ts';
import { generatePurchases, purchasesCsv, writePurchases } from './generate-purchases.ts';
import { median, percentile95, time } from './timing.ts';

// Issue 11's goals through the whole core, each beside the plainest raw-SQLite
// floor: a full recompute (CLV fit and scoring, the ladder, every customer's P&L
// and the Insights figures) ≤ 3 s, the Insights view's queries ≤ 50 ms p95, and
// importing 100,000 purchase rows ≤ 3 s. `BENCH_SIZE=full`: 100,000 customers with
// 1,000,000 purchases and 1,000,000 interactions; a tenth of that by default.

type Size = { contacts: number; interactions: number; purchases: number; importRows: number };
const sizes = {
  quick: { contacts: 10_000, interactions: 100_000, purchases: 100_000, importRows: 10_000 },
  full: { contacts: 100_000, interactions: 1_000_000, purchases: 1_000_000, importRows: 100_000 },
} satisfies Record<string, Size>;

type Row = Record<string, string>;

function row(operation: string, goalMs: number, ours: number[], raw: number[]): Row {
  const p95 = percentile95(ours);
  return {
    operation,
    'ambassador p50 ms': median(ours).toFixed(1),
    'ambassador p95 ms': p95.toFixed(1),
    'raw SQLite p50 ms': median(raw).toFixed(1),
    goal: `≤ ${goalMs} ${p95 <= goalMs ? 'met' : `MISSED by ${(p95 - goalMs).toFixed(0)} ms`}`,
  };
}

async function freshDatabase(dir: string): Promise<Sqlite.Database> {
  const { db } = openDatabase(dir);
  await migrateToLatest(db);
  await db.destroy();
  const sqlite = new Sqlite(join(dir, 'ambassador.sqlite'));
  sqlite.pragma('journal_mode = WAL');
  return sqlite;
}

type Call = (method: string, input: unknown) => Promise<unknown>;

function caller(core: Awaited<ReturnType<typeof createCore>>): Call {
  return async (method, input) => {
    const result = await core.dispatch(method, input);
    if (!result.ok) throw new Error(`${method} answered ${result.error.code}: ${result.error.message}`);
    return result.value;
  };
}

async function benchRecomputeAndQueries(size: Size, rows: Row[]): Promise<void> {
  const data = makeTempDataDir('ambassador-bench-insights-');
  try {
    const sqlite = await freshDatabase(data.dir);
    const book = await generateBook(sqlite, { contacts: size.contacts, interactions: size.interactions, followups: 1_000 });
    writePurchases(sqlite, book.contactIds, generatePurchases(size.contacts, size.purchases));
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const core = await createCore({ dataDir: data.dir });
    const call = caller(core);

    const rawRead = () =>
      sqlite
        .prepare(`select p.contact_id, p.occurred_on, sum(p.gross_cents - p.discount_cents) from purchases p join contacts c on c.id = p.contact_id
          where p.deleted_at is null and c.deleted_at is null and p.kind <> 'refund' group by p.contact_id, p.occurred_on`)
        .raw()
        .all();
    rows.push(row('full recompute (CLV fit + scoring, ladder, P&L, figures)', 3000, await time(() => call('insights.recompute', {}), 3), await time(rawRead, 3)));

    const status = (await call('insights.status', {})) as { model: string; customers: number; modelReason: string };
    console.log(`\nRecompute: ${status.customers.toLocaleString('en')} customers, model ${status.model} (${status.modelReason})`);

    const rawOverview = sqlite.prepare('select figures from insights_overviews where period = ?');
    for (const period of ['last_12_months', 'this_year', 'all_time']) {
      rows.push(row(`insights.overview (${period})`, 50, await time(() => call('insights.overview', { period })), await time(() => rawOverview.get(period))));
    }
    const rawTable = sqlite.prepare(
      `select p.*, c.display_name, v.predicted_clv_cents from customer_profits p join contacts c on c.id = p.contact_id
       left join customer_values v on v.contact_id = p.contact_id where p.period = 'last_12_months' order by p.profit_cents desc limit 100`,
    );
    rows.push(row('insights.customers, sorted by profit (page of 100)', 50, await time(() => call('insights.customers', { sort: 'profit', direction: 'desc' })), await time(() => rawTable.all())));
    rows.push(row('insights.customers, sorted by name (page of 100)', 50, await time(() => call('insights.customers', { sort: 'name', direction: 'asc' })), await time(() => rawTable.all())));
    const quarter = (today: Date) => `${today.getFullYear()}-Q${Math.floor(today.getMonth() / 3) + 1}`;
    const drills = [
      { by: 'stage', stage: 'at_risk' },
      { by: 'tier', tier: 'top' },
      { by: 'clv', fromCents: 10_000, toCents: 50_000 },
      { by: 'channel', channel: 'online' },
      { by: 'channel', channel: ' no purchase' },
      { by: 'quarter', quarter: quarter(new Date()) },
      { by: 'lost', segment: 'top' },
      { by: 'unprofitable' },
    ];
    for (const drill of drills) {
      rows.push(row(`drill-down ${JSON.stringify(drill)}`, 50, await time(() => call('insights.customers', { drill })), await time(() => rawTable.all())));
    }
    const rawStage = sqlite.prepare(`select c.id from contacts c join customer_values v on v.contact_id = c.id where v.stage = 'movable' and c.deleted_at is null order by c.sort_key limit 200`);
    rows.push(row('contacts.list filtered to a ladder stage (200 rows)', 50, await time(() => call('contacts.list', { stage: 'movable', limit: 200 })), await time(() => rawStage.all())));
    const busiest = book.contactIds[0]!;
    const rawCustomer = sqlite.prepare('select sum(gross_cents), sum(discount_cents), sum(product_cost_cents), sum(channel_cost_cents) from purchases where contact_id = ? and deleted_at is null');
    rows.push(row('insights.customer (the busiest contact, live P&L)', 50, await time(() => call('insights.customer', { contactId: busiest })), await time(() => rawCustomer.get(busiest))));
    rows.push(row('loyalty.standing (the busiest contact, live rules)', 50, await time(() => call('loyalty.standing', { contactId: busiest })), await time(() => rawCustomer.get(busiest))));
    rows.push(await searchDuringRecompute(call));
    await core.close();
    sqlite.close();
  } finally {
    data.remove();
  }
}

/** How long a search waits while a recompute runs (in its own worker), beside the same search with the core idle. */
async function searchDuringRecompute(call: Call): Promise<Row> {
  const search = () => call('contacts.search', { query: 'ma', limit: 50 });
  const idle = await time(search);
  let running = true;
  const recompute = call('insights.recompute', {}).finally(() => (running = false));
  const during: number[] = [];
  while (running) {
    const start = performance.now();
    await search();
    during.push(performance.now() - start);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await recompute;
  return row(`contacts.search while a recompute runs (${during.length} searches; floor: the core idle)`, 50, during, idle);
}

async function benchImport(size: Size, rows: Row[]): Promise<void> {
  const data = makeTempDataDir('ambassador-bench-purchase-import-');
  const floor = makeTempDataDir('ambassador-bench-purchase-floor-');
  try {
    const purchases = generatePurchases(size.contacts, size.importRows);
    const sqlite = await freshDatabase(data.dir);
    const book = await generateBook(sqlite, { contacts: size.contacts, interactions: 0, followups: 0 });
    writePurchases(sqlite, book.contactIds, []);
    sqlite.close();
    const file = join(data.dir, 'till-export.csv');
    writeFileSync(file, purchasesCsv(purchases));

    const rawDb = await freshDatabase(floor.dir);
    const rawBook = await generateBook(rawDb, { contacts: size.contacts, interactions: 0, followups: 0 });
    const rawStart = performance.now();
    writePurchases(rawDb, rawBook.contactIds, purchases);
    const rawMs = performance.now() - rawStart;
    rawDb.close();

    const core = await createCore({ dataDir: data.dir });
    const call = caller(core);
    const previewStart = performance.now();
    await call('purchases.previewImport', { file });
    const previewMs = performance.now() - previewStart;
    const importStart = performance.now();
    const report = (await call('purchases.import', { file, unmatched: 'skip' })) as { imported: number; skipped: number };
    const importMs = performance.now() - importStart;
    await core.close();
    if (report.imported !== purchases.length) throw new Error(`Imported ${report.imported} of ${purchases.length} rows (${report.skipped} skipped).`);
    rows.push(row(`purchases.previewImport, ${purchases.length.toLocaleString('en')} rows`, 3000, [previewMs], [rawMs]));
    rows.push(row(`purchases.import, ${purchases.length.toLocaleString('en')} rows (matched by customer number)`, 3000, [importMs], [rawMs]));
  } finally {
    data.remove();
    floor.remove();
  }
}

export async function run(): Promise<void> {
  const name = process.env.BENCH_SIZE === 'full' ? 'full' : 'quick';
  const size = sizes[name];
  if (name === 'quick') console.log('\nInsights at a tenth of the issue’s size; BENCH_SIZE=full for 100,000 customers and 1,000,000 purchases (takes minutes).');
  const rows: Row[] = [];
  await benchRecomputeAndQueries(size, rows);
  await benchImport(size, rows);
  console.log(
    `\nInsights: ${size.contacts.toLocaleString('en')} customers, ${size.purchases.toLocaleString('en')} purchases, ${size.interactions.toLocaleString('en')} interactions; ` +
      `import of ${size.importRows.toLocaleString('en')} rows (raw floor: the same purchases by prepared statements in one transaction)`,
  );
  console.table(rows);
}
