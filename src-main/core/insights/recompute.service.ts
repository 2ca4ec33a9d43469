import type { CoreEvent } from '../../../shared/api/events.ts';
import type { RecomputeStatus } from '../../../shared/insights/insights.schemas.ts';
import { nowOf, type BackgroundJob, type CoreContext } from '../context.ts';
import { localMoment } from '../followups/followups.service.ts';
import { recomputeAside } from './recompute-aside.ts';
import { countLivePurchases, findRun } from './values.repository.ts';

// The background recompute: a moment after purchases, history, scores, settings
// or contacts change (a burst of changes makes one run), at start-up when the
// figures are from before today, just after local midnight, and after a
// restore. One run at a time; a change during a run makes another after it.

/** How long after the last change a recompute starts. */
export const RECOMPUTE_DELAY_MS = 1_500;
/** The longest a change waits for its recompute, however long the last one took. */
const MAX_DELAY_MS = 120_000;
/** The longest the day check sleeps. */
const LONGEST_SLEEP_MS = 15 * 60_000;

type Recomputer = {
  /** Runs now (after the one in flight), cancelling the pending debounce. */
  runNow: () => Promise<void>;
  running: () => boolean;
  stale: () => boolean;
  failure: () => string | null;
};

/** The start of the next local day after `now`. */
function nextMidnight(now: number): number {
  const at = new Date(now);
  return new Date(at.getFullYear(), at.getMonth(), at.getDate() + 1).getTime();
}

const recomputers = new WeakMap<CoreContext, Recomputer>();

function createRecomputer(ctx: CoreContext, delayMs: number): Recomputer & { schedule: () => void; settled: () => Promise<void>; stop: () => void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let chain: Promise<void> = Promise.resolve();
  let active = false;
  let stale = false;
  let failure: string | null = null;
  let stopped = false;
  const stopping = new AbortController();
  // A big book's recompute takes seconds of a core of the machine: after a long one, the next
  // waits longer (three times as long as the last took), so a stream of edits does not keep it busy. Recompute now and the day's check do not wait.
  let lastTookMs = 0;

  const run = () => {
    chain = chain.then(async () => {
      if (stopped) return;
      active = true;
      stale = false;
      try {
        const outcome = await recomputeAside(
          ctx,
          (phase, done, total) => ctx.notify?.({ name: 'insights.progress', payload: { phase, done, total } }),
          stopping.signal,
        );
        lastTookMs = outcome.durationMs;
        failure = null;
      } catch (error) {
        stale = true;
        // Stopped for a restore or at quit: nothing failed, and the next core recomputes.
        if (stopped) return;
        // Kept in words for the status; the next change tries again.
        failure = `The figures could not be recomputed: ${error instanceof Error ? error.message : String(error)}`;
        console.error('Ambassador could not recompute the insights:', error);
      } finally {
        active = false;
      }
    });
    return chain;
  };
  return {
    schedule: () => {
      stale = true;
      clearTimeout(timer);
      timer = setTimeout(
        () => {
          timer = undefined;
          void run();
        },
        Math.max(delayMs, Math.min(3 * lastTookMs, MAX_DELAY_MS)),
      );
      timer.unref?.();
    },
    runNow: () => {
      clearTimeout(timer);
      timer = undefined;
      return run();
    },
    running: () => active,
    stale: () => stale || timer !== undefined,
    failure: () => failure,
    settled: async () => {
      for (let seen: Promise<void> | undefined; seen !== chain || timer !== undefined; ) {
        if (timer !== undefined) {
          clearTimeout(timer);
          timer = undefined;
          void run();
        }
        seen = chain;
        await seen;
      }
    },
    stop: () => {
      stopped = true;
      stopping.abort();
      clearTimeout(timer);
      timer = undefined;
    },
  };
}

/** Whether an event changes what the figures are computed from. */
function changesFigures(event: CoreEvent): boolean {
  switch (event.name) {
    case 'purchases.changed':
    case 'history.changed':
    case 'settings.changed':
    case 'backup.restored':
      return true;
    case 'loyalty.changed':
      return event.payload.reason !== 'moved';
    case 'contacts.changed':
      return ['deleted', 'restored', 'merged', 'imported', 'seeded'].includes(event.payload.reason);
    default:
      return false;
  }
}

/** The job, with the delay after a change (tests shorten it). */
export function recomputeJob(options: { delayMs?: number } = {}): BackgroundJob {
  return (ctx, events) => {
    const recomputer = createRecomputer(ctx, options.delayMs ?? RECOMPUTE_DELAY_MS);
    recomputers.set(ctx, recomputer);
    const unsubscribe = events((event) => {
      if (changesFigures(event)) recomputer.schedule();
    });
    // The figures are as of a day: recompute when they are missing or from before today and
    // there are purchases — at start-up, and on waking just after local midnight. The wake is
    // re-armed at least every 15 minutes (timers count elapsed time, so a laptop's sleep or a
    // clock change would otherwise make it late), without watching the clock.
    const outOfDate = async () => {
      const run = await findRun(ctx.db);
      if ((run === undefined || run.as_of < localMoment(nowOf(ctx)).date) && (await countLivePurchases(ctx.db)) > 0) await recomputer.runNow();
    };
    let wake: ReturnType<typeof setTimeout> | undefined;
    let checking: Promise<void> = outOfDate().catch((error: unknown) => console.error('Ambassador could not check the insights at start-up:', error));
    const armWake = () => {
      wake = setTimeout(
        () => {
          checking = checking.then(outOfDate).catch((error: unknown) => console.error('Ambassador could not check the insights after midnight:', error));
          armWake();
        },
        Math.min(LONGEST_SLEEP_MS, nextMidnight(nowOf(ctx)) - nowOf(ctx) + 1_000),
      );
      wake.unref?.();
    };
    armWake();
    return {
      settled: async () => {
        await checking;
        await recomputer.settled();
      },
      stop: async () => {
        recomputer.stop();
        clearTimeout(wake);
        unsubscribe();
        if (recomputers.get(ctx) === recomputer) recomputers.delete(ctx);
        await checking;
        await recomputer.settled();
      },
    };
  };
}

/** Recomputes the figures a moment after purchases, history, scores or settings change. */
export const insightsRecompute: BackgroundJob = recomputeJob();

/** The recomputer the job runs for this core, or one for this call alone (a core without background jobs). */
function recomputerOf(ctx: CoreContext): Recomputer {
  return recomputers.get(ctx) ?? createRecomputer(ctx, RECOMPUTE_DELAY_MS);
}

export async function recomputeStatus(ctx: CoreContext): Promise<RecomputeStatus> {
  const recomputer = recomputers.get(ctx);
  const run = await findRun(ctx.db);
  return {
    computedAt: run?.computed_at ?? null,
    running: recomputer?.running() ?? false,
    stale: recomputer?.stale() ?? false,
    model: run?.model ?? 'none',
    modelReason: run?.model_reason ?? 'Not computed yet.',
    customers: run?.customers ?? 0,
    durationMs: run?.duration_ms ?? null,
    failure: recomputer?.failure() ?? null,
  };
}

export async function recomputeNow(ctx: CoreContext): Promise<RecomputeStatus> {
  const recomputer = recomputerOf(ctx);
  await recomputer.runNow();
  const status = await recomputeStatus(ctx);
  return { ...status, failure: recomputer.failure() };
}
