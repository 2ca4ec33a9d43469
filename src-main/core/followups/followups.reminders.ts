import type { CoreEvent } from '../../../shared/api/events.ts';
import type { DueNotice } from '../../../shared/followups/followups.schemas.ts';
import { nowOf, type BackgroundJob, type CoreContext } from '../context.ts';
import { mutate } from '../db/mutation.ts';
import { findDueUnannounced, findNextUnannounced, markAnnounced, type FollowupWithContact } from './followups.repository.ts';
import { instantOf, localMoment } from './local-calendar.ts';

/**
 * The longest the timer sleeps. Timers count elapsed time, not the wall clock,
 * so after a laptop's sleep or a clock change a long timer would fire late;
 * waking at least this often bounds that, without polling.
 */
const longestSleep = 15 * 60_000;

const notice = (row: FollowupWithContact): DueNotice => ({
  id: row.id,
  contactId: row.contact_id,
  contactName: row.display_name,
  kind: row.kind,
  title: row.title,
  dueDate: row.due_date,
  dueTime: row.due_time,
});

/**
 * Marks every open follow-up that has fallen due and was not yet announced as
 * announced, and announces them in one `followups.due` event after the commit.
 * A follow-up falls due at its due time, or at the start of its day without one.
 */
async function announceDue(ctx: CoreContext, missedWhileClosed: boolean): Promise<void> {
  const now = nowOf(ctx);
  const { date, time } = localMoment(now);
  if ((await findDueUnannounced(ctx.db, date, time)).length === 0) return;
  await mutate(ctx, {
    run: async (tx) => {
      const due = await findDueUnannounced(tx, date, time);
      await markAnnounced(tx, due.map((row) => row.id), new Date(now).toISOString());
      return due;
    },
    changed: (due): CoreEvent => ({ name: 'followups.due', payload: { items: due.map(notice), missedWhileClosed } }),
  });
}

async function msUntilNext(ctx: CoreContext): Promise<number | undefined> {
  const now = nowOf(ctx);
  const { date, time } = localMoment(now);
  const next = await findNextUnannounced(ctx.db, date, time);
  return next && Math.max(0, instantOf(next.due_date, next.due_time) - now);
}

/**
 * Announces each follow-up once, when it falls due; `announced_at` in the
 * database makes that hold across restarts. Its first check, at start-up,
 * announces in one digest (`missedWhileClosed`) those that fell due while
 * Ambassador was closed. Then a timer sleeps until the next due moment, and is
 * re-armed after every follow-up or contact change and every clock change.
 */
export const followupReminders: BackgroundJob = (ctx, events) => {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  let running: Promise<void> = Promise.resolve();

  const arm = async () => {
    clearTimeout(timer);
    const wait = await msUntilNext(ctx);
    if (stopped || wait === undefined) return;
    timer = setTimeout(() => check(false), Math.min(wait, longestSleep));
    timer.unref?.();
  };
  const check = (missedWhileClosed: boolean) => {
    running = running
      .then(async () => {
        if (stopped) return;
        await announceDue(ctx, missedWhileClosed);
        await arm();
      })
      .catch((error: unknown) => console.error('Ambassador could not check for due follow-ups:', error));
    return running;
  };

  const unsubscribe = events((event) => {
    if (event.name === 'followups.changed' || event.name === 'contacts.changed') void check(false);
  });
  const unwatchClock = ctx.clock?.onChange?.(() => void check(false));
  void check(true);

  return {
    settled: async () => {
      for (let seen: Promise<void> | undefined; seen !== running; ) {
        seen = running;
        await seen;
      }
    },
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      unsubscribe();
      unwatchClock?.();
      await running;
    },
  };
};
