/**
 * Makes each button name unique on its screen ("Mark done: Call Ada" twice would be
 * ambiguous to a screen reader and to anyone who clicks by name): repeats get the
 * distinguishing detail, then a number.
 */
export function uniqueNames(items: readonly { base: string; detail: string }[]): string[] {
  const counts = new Map<string, number>();
  for (const { base } of items) counts.set(base, (counts.get(base) ?? 0) + 1);
  const seen = new Map<string, number>();
  return items.map(({ base, detail }) => {
    const name = (counts.get(base) ?? 0) > 1 ? `${base}, ${detail}` : base;
    const times = (seen.get(name) ?? 0) + 1;
    seen.set(name, times);
    return times > 1 ? `${name} (${times})` : name;
  });
}
