import type { BackupCounts, BackupManifest } from '../../../shared/backup/backup.schemas.ts';

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (value: number) => String(value).padStart(2, '0');

function sameDay(a: Date, b: Date): boolean {
  return a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();
}

/** "2 Dec 2026 14:05" in the user's own time: the same words in every locale, so button names stay stable. */
export function formatMoment(instant: string): string {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return instant;
  return `${date.getDate()} ${months[date.getMonth()]} ${date.getFullYear()} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** "today at 14:05", "yesterday at 09:30", else "2 Dec 2026 at 14:05". */
export function whenWords(instant: string, now = new Date()): string {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return instant;
  const time = `${pad(date.getHours())}:${pad(date.getMinutes())}`;
  if (sameDay(date, now)) return `today at ${time}`;
  const yesterday = new Date(now);
  yesterday.setDate(now.getDate() - 1);
  if (sameDay(date, yesterday)) return `yesterday at ${time}`;
  return `${date.getDate()} ${months[date.getMonth()]} ${date.getFullYear()} at ${time}`;
}

/** "YYYY-MM-DD-HHMM" for suggested file names, like the core names its backups. */
export function fileStamp(now = new Date(), withTime = true): string {
  const day = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  return withTime ? `${day}-${pad(now.getHours())}${pad(now.getMinutes())}` : day;
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes.toLocaleString()} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  if (bytes < 1024 * 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${(bytes / 1024 / 1024 / 1024).toFixed(2)} GB`;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString()} ${count === 1 ? one : many}`;
}

/** The rows a backup holds, as the user counts them. */
export const countParts: readonly { key: keyof BackupCounts; one: string; many?: string }[] = [
  { key: 'contacts', one: 'contact' },
  { key: 'interactions', one: 'interaction' },
  { key: 'followups', one: 'follow-up' },
  { key: 'purchases', one: 'purchase' },
];

export function countsWords(counts: BackupCounts): string {
  return countParts.map(({ key, one, many }) => plural(counts[key], one, many)).join(' · ');
}

export const reasonWords: Record<BackupManifest['reason'], string> = {
  automatic: 'Automatic',
  manual: 'By hand',
  'before-restore': 'Before a restore',
};
