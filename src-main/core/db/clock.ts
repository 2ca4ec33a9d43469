/**
 * Timestamps for `updatedAt`. Conflict detection compares them, so a record's next
 * stamp is always later than its last one, even within one millisecond.
 */
export function nextTimestamp(previous?: string, now: number = Date.now()): string {
  const after = previous === undefined ? 0 : Date.parse(previous) + 1;
  return new Date(Math.max(now, after)).toISOString();
}
