import { z } from 'zod';
import type { EventSlice } from '../api/slices.ts';

export const backupEvents = {
  /** Long work (a backup or restore of a large database) reports pages done out of total. */
  'backup.progress': z.object({ operation: z.enum(['backup', 'restore']), done: z.number().int(), total: z.number().int() }),
  /** A backup was made or failed, or the folder changed: the Backup screen reloads its status. */
  'backup.changed': z.object({ reason: z.enum(['created', 'failed', 'folder']) }),
  /** The whole database was replaced (a restore or its undo): every view reloads. */
  'backup.restored': z.object({ undone: z.boolean() }),
  /**
   * The integrity check run in the background after start-up found the data file
   * damaged; the message says what to do (restore a backup from Backup & data).
   */
  'database.checkFailed': z.object({ message: z.string() }),
} as const satisfies EventSlice;
