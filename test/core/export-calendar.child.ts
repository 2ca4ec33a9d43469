// Exports the calendar of a data folder in this process's time zone (the TZ the
// test started it with) and prints what it wrote, with the zone's offset on
// 15 March 2026 so the test can see the zone really was in force.
// Usage: TZ=<zone> node export-calendar.child.ts <data dir> <out file>
import { createCore } from '../../src-main/core/core.ts';

const [dataDir, to] = process.argv.slice(2);
const core = await createCore({ dataDir: dataDir!, logError: () => {} });
try {
  const result = await core.dispatch('followups.exportCalendar', { to });
  console.log(JSON.stringify({ offsetMinutes: new Date(2026, 2, 15, 12).getTimezoneOffset(), result }));
} finally {
  await core.close();
}
