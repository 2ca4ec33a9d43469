// Timing shared by the benchmarks: a warm-up run, then the runs that count.

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

export function percentile95(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))]!;
}

/**
 * Milliseconds of each of `repeat` runs after one warm-up. A run that returns a
 * promise is timed until it settles; a synchronous one is not made to wait a tick.
 */
export async function time(run: () => Promise<unknown> | unknown, repeat = 30): Promise<number[]> {
  await run();
  const times: number[] = [];
  for (let index = 0; index < repeat; index += 1) {
    const start = performance.now();
    const result = run();
    if (result instanceof Promise) await result;
    times.push(performance.now() - start);
  }
  return times;
}
