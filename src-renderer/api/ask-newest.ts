/** One question with the core: the text asked, and whether the data changed since (its answer is then out of date). */
export type Sent = { id: number; query: string; outdated: boolean };

type Asking = { query: string; sent: Sent | null };

type Store<State> = { get: () => State; set: (change: Partial<State>) => void };

let lastId = 0;

/**
 * Asks the core as the user types, with no delay to wait out, but one question at
 * a time: keys typed while one is with the core only change what is asked next,
 * and when it answers the newest text is asked. An answer for text no longer
 * typed, or from before the data changed, never reaches the screen. The question
 * in flight lives in the store's state, so resetting the store forgets it.
 */
export function askNewest<State extends Asking, Answer>(
  { get, set }: Store<State>,
  options: {
    searchable: (query: string) => boolean;
    ask: (query: string) => Promise<Answer>;
    /** What the store shows for an answer to `query`, or for a failure to answer it. */
    shown: (query: string, outcome: { answer: Answer } | { error: unknown }) => Partial<State>;
  },
): { askNow: () => void; refresh: () => void } {
  function askNow(): void {
    const query = get().query.trim();
    if (get().sent !== null || !options.searchable(query)) return;
    const sent: Sent = { id: ++lastId, query, outdated: false };
    set({ sent } as Partial<State>);
    options.ask(query).then(
      (answer) => settle(sent, { answer }),
      (error: unknown) => settle(sent, { error }),
    );
  }

  function settle({ id, query }: Sent, outcome: { answer: Answer } | { error: unknown }): void {
    const sent = get().sent;
    // A reset (a test, a restore) forgot this question: nothing of it may reach the screen.
    if (sent?.id !== id) return;
    const current = !sent.outdated && get().query.trim() === query;
    set((current ? { ...options.shown(query, outcome), sent: null } : { sent: null }) as Partial<State>);
    if (!current) askNow();
  }

  return {
    askNow,
    refresh: () => {
      const { sent } = get();
      if (sent) set({ sent: { ...sent, outdated: true } } as Partial<State>);
      else askNow();
    },
  };
}
