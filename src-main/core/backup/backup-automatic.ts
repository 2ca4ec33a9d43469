import { nowOf, type BackgroundJob, type CoreContext } from '../context.ts';
import { dataFolderOf, hasChangedSinceBackup, noteNoChangesYet } from './backup-making.ts';
import { readBackupState } from './backup-state.ts';
import { makeAutomaticBackup } from './backup.service.ts';

/** How often the job looks whether a day has passed since the last backup (timers do not follow the wall clock: see followups.reminders.ts). */
const checkEvery = 15 * 60_000;
const day = 86_400_000;

function backupDue(ctx: CoreContext): boolean {
  const last = readBackupState(dataFolderOf(ctx).dir).lastSuccess;
  return !last || nowOf(ctx) - Date.parse(last.at) >= day;
}

/**
 * Automatic backups (when the host asks for them, see CoreOptions): one when
 * none was made in the last 24 hours, checked at start, every 15 minutes and
 * whenever the clock jumps; and one when the core closes if anything changed
 * since the last backup.
 */
export const automaticBackups: BackgroundJob = (ctx) => {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  let running: Promise<void> = Promise.resolve();

  const run = (work: () => Promise<void>) => {
    running = running.then(work).catch((error: unknown) => console.error('Ambassador could not make its automatic backup:', error));
    return running;
  };
  const check = () =>
    run(async () => {
      if (stopped) return;
      clearTimeout(timer);
      if (backupDue(ctx)) await makeAutomaticBackup(ctx);
      if (stopped) return;
      timer = setTimeout(check, checkEvery);
      timer.unref?.();
    });

  void run(() => noteNoChangesYet(ctx));
  const unwatchClock = ctx.clock?.onChange?.(() => void check());
  void check();

  return {
    settled: async () => {
      for (let seen: Promise<void> | undefined; seen !== running; ) {
        seen = running;
        await seen;
      }
    },
    closing: () =>
      run(async () => {
        if (await hasChangedSinceBackup(ctx)) await makeAutomaticBackup(ctx);
      }),
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      unwatchClock?.();
      await running;
    },
  };
};
