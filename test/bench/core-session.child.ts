import { createCore } from '../../src-main/core/core.ts';

// A session in a process of its own, so its memory is the core's alone: the
// list scrolled top to bottom by windows, jumps, and searches. Prints the RSS.
const dataDir = process.argv[2]!;
const core = await createCore({ dataDir, recomputeInsights: false });
const count = await core.dispatch('contacts.count', {});
const contacts = count.ok ? (count.value as { contacts: number }).contacts : 0;
for (let offset = 0; offset < contacts; offset += 200) {
  await core.dispatch('contacts.list', { sort: offset % 400 === 0 ? 'name' : 'updated', offset, limit: 200, withTotal: offset === 0 });
}
for (const tag of ['vip', 'buyer', 'investor']) await core.dispatch('contacts.list', { tag, limit: 200 });
for (const query of ['maya', 'chen', 'hopper.12', '555-0042', 'ch', 'refinance', 'garden', 'zz']) await core.dispatch('contacts.search', { query });
await core.dispatch('tags.list', {});
await core.integrityChecked();
// What the core holds, not garbage a collection would free (run with --expose-gc).
globalThis.gc?.();
const rss = process.memoryUsage().rss;
await core.close();
process.stdout.write(JSON.stringify({ rss }));
