import type { CoreEvent } from '../../shared/api/events.ts';
import type { DispatchResult } from '../../shared/api/result.ts';
import type { Contact } from '../../shared/contacts/contacts.schemas.ts';
import type { DueNotice, Followup } from '../../shared/followups/followups.schemas.ts';
import type { Clock } from '../../src-main/core/context.ts';
import { createCore, type Core, type CoreOptions } from '../../src-main/core/core.ts';
import { makeTempDataDir } from '../helpers/temp-data-dir.ts';

/** A clock the test moves by hand; moving it tells the core, as a changed system clock would. */
export function handClock(start: number): Clock & { set: (to: number) => void; watchers: () => number } {
  let now = start;
  const listeners = new Set<() => void>();
  return {
    now: () => now,
    onChange: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /** How many are listening for the clock to move. */
    watchers: () => listeners.size,
    set: (to) => {
      now = to;
      for (const listener of listeners) listener();
    },
  };
}

/** A local date and time in the machine's time zone, as the core reads its clock. */
export const at = (date: string, time = '09:00') => {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const [hours, minutes] = time.split(':').map(Number) as [number, number];
  return new Date(year, month - 1, day, hours, minutes).getTime();
};

export const value = <T>(result: DispatchResult): T => {
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result.error)}`);
  return result.value as T;
};

export type FollowupsCore = Awaited<ReturnType<typeof openFollowupsCore>>;

/**
 * A real core on a real database file, on a hand-moved clock, listening to its
 * events (which starts the reminder scheduler). `reopen` closes it and starts a
 * new core on the same folder, as a restart of the app would.
 */
export async function openFollowupsCore(clock = handClock(at('2026-12-02')), data = makeTempDataDir(), more: Partial<CoreOptions> = {}) {
  const logged: unknown[] = [];
  const core: Core = await createCore({ dataDir: data.dir, clock, checkOutputs: true, logError: (error) => logged.push(error), ...more });
  const events: CoreEvent[] = [];
  core.onEvent((event) => events.push(event));
  const call = async <T>(method: string, input: unknown = {}) => value<T>(await core.dispatch(method, input));
  return {
    core,
    clock,
    events,
    /** What the core logged, as it was thrown. */
    logged,
    call,
    /** The announcements so far, once the scheduler's work in flight is done. */
    announced: async () => {
      await core.backgroundSettled();
      return events.flatMap((event) => (event.name === 'followups.due' ? [event.payload] : [])) as Array<{ items: DueNotice[]; missedWhileClosed: boolean }>;
    },
    contact: (firstName: string, more: object = {}) => call<Contact>('contacts.create', { firstName, ...more }),
    followup: (contactId: string, more: object = {}) =>
      call<Followup>('followups.create', { contactId, kind: 'call', title: 'Call about the closing', dueDate: '2026-12-05', ...more }),
    close: () => core.close(),
    reopen: async (moveTo?: number) => {
      await core.close();
      if (moveTo !== undefined) clock.set(moveTo);
      return openFollowupsCore(clock, data, more);
    },
    remove: async () => {
      await core.close();
      data.remove();
    },
  };
}
