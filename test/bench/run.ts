// `npm run bench [-- name ...]`: runs the named benchmarks (all when none is named);
// `BENCH_SIZE=full` runs history at the size.
// Each bench module prints its own table, our figure beside a baseline.
export {};

const benches: Record<string, () => Promise<{ run: () => Promise<void> }>> = {
  contacts: () => import('./contacts.bench.ts'),
  clv: () => import('./clv.bench.ts'),
  history: () => import('./history.bench.ts'),
  backup: () => import('./backup.bench.ts'),
  import: () => import('./import.bench.ts'),
  'contact-file': () => import('./contact-file.bench.ts'),
  insights: () => import('./insights.bench.ts'),
  'insights-ui': () => import('./insights-ui.bench.ts'),
  ui: () => import('./ui.bench.ts'),
  search: () => import('./search.bench.ts'),
  writes: () => import('./writes.bench.ts'),
};

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !(name in benches));
if (unknown.length > 0) {
  console.error(`Unknown benchmark: ${unknown.join(', ')}. Choose from: ${Object.keys(benches).join(', ')}.`);
  process.exit(2);
}
for (const name of wanted.length > 0 ? wanted : Object.keys(benches)) {
  const bench = await benches[name]!();
  await bench.run();
}
