/** Says whether an answer may still be shown: false once a newer request has started. */
export type StillLatest = () => boolean;

export type LatestAnswer = {
  /** Starts a request; answers to every earlier one are dropped from now on. */
  start: () => StillLatest;
  /** Joins the request now current (e.g. the next page of it), dropped with it. */
  join: () => StillLatest;
  /** Drops every answer still on its way, e.g. when the query became too short to search. */
  drop: () => void;
};

/**
 * "Latest answer wins": answers can arrive in any order, and only the newest
 * request's may reach the screen, so a slow old answer never replaces a newer one.
 */
export function latestAnswer(): LatestAnswer {
  let latest = 0;
  const checkFor = (request: number): StillLatest => () => request === latest;
  return {
    start: () => checkFor(++latest),
    join: () => checkFor(latest),
    drop: () => {
      latest++;
    },
  };
}
