// Runs a backup or a restore in Ambassador's core and kills its own process
// with SIGKILL at a chosen point: a real kill -9 there.
// Usage: node kill-during.child.ts <data dir> backup <copying|before-rename>
//        node kill-during.child.ts <data dir> restore <preparing|linked|swapped|before-forget|restored> <backup file>
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { createCore } from '../../../src-main/core/core.ts';

const [dataDir, operation, point, backupFile] = process.argv.slice(2);
const die = () => process.kill(process.pid, 'SIGKILL');

/** Makes fs.<name> kill the process right after (or before) a call that `matches`. */
function killAround(name: 'renameSync' | 'linkSync' | 'copyFileSync' | 'rmSync', when: 'before' | 'after', matches: (...args: string[]) => boolean, nth = 1): void {
  const original = fs[name] as (...args: unknown[]) => unknown;
  let seen = 0;
  (fs as unknown as Record<string, unknown>)[name] = (...args: unknown[]) => {
    const hit = matches(...args.map(String)) && ++seen === nth;
    if (hit && when === 'before') die();
    const result = original(...args);
    if (hit) die();
    return result;
  };
  // The core imports these by name: make those bindings see the change.
  syncBuiltinESMExports();
}

const core = await createCore({ dataDir: dataDir! });
core.onEvent((event) => {
  if (point === 'copying' && event.name === 'backup.progress' && event.payload.done > 0) die();
  if (point === 'restored' && event.name === 'backup.restored') die();
});

if (point === 'before-rename') killAround('renameSync', 'before', (from) => from.endsWith('.partial'));
if (point === 'preparing') killAround('copyFileSync', 'after', (_from, to) => to!.endsWith('.restoring'));
if (point === 'linked') killAround('linkSync', 'after', (_from, to) => to!.endsWith('.previous'));
if (point === 'swapped') killAround('renameSync', 'after', (from) => from.endsWith('.restoring'));
// The first removal of .previous clears a stale one before the swap; the second is the restore's last step.
if (point === 'before-forget') killAround('rmSync', 'before', (path) => path.endsWith('.previous'), 2);

const result = operation === 'backup' ? await core.dispatch('backup.create', {}) : await core.dispatch('backup.restore', { file: backupFile });
console.log(`no kill at ${point}: ${JSON.stringify(result).slice(0, 300)}`);
await core.close();
