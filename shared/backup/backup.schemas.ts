import { z } from 'zod';

/** What a backup file holds, read from the manifest table inside it. */
export const BackupCounts = z.object({
  contacts: z.number().int(),
  interactions: z.number().int(),
  followups: z.number().int(),
  purchases: z.number().int(),
});
export type BackupCounts = z.infer<typeof BackupCounts>;

export const BackupManifest = z.object({
  /** Always "ambassador-backup": tells our files from other SQLite files. */
  format: z.literal('ambassador-backup'),
  /** The manifest's own shape; raised when it changes. */
  formatVersion: z.number().int(),
  /** The Ambassador version that made it, e.g. "0.1.0". */
  appVersion: z.string(),
  /** The newest migration applied in it, e.g. "0006_create_transfers". */
  schemaVersion: z.string(),
  /** ISO instant. */
  createdAt: z.string(),
  /** automatic (daily or at quit), manual (Back up now), before-restore (the safety copy a restore makes). */
  reason: z.enum(['automatic', 'manual', 'before-restore']),
  counts: BackupCounts,
});
export type BackupManifest = z.infer<typeof BackupManifest>;

/** A finished, checked backup file. */
export const BackupFile = z.object({
  fileName: z.string(),
  /** Absolute path on this computer. */
  path: z.string(),
  sizeBytes: z.number().int(),
  manifest: BackupManifest,
});
export type BackupFile = z.infer<typeof BackupFile>;

/** What the Backup screen shows. */
export const BackupStatus = z.object({
  /** Where automatic backups and Back up now (browser mode) go. */
  folder: z.string(),
  folderIsDefault: z.boolean(),
  folderReachable: z.boolean(),
  lastSuccess: z.object({ at: z.string(), fileName: z.string(), path: z.string() }).nullable(),
  lastFailure: z.object({ at: z.string(), message: z.string() }).nullable(),
  /** A sentence for the user when something needs attention (no backup for 7 days, folder unreachable); null when all is well. */
  warning: z.string().nullable(),
  /** Backups in the folder, newest first (the rotation keeps 7 daily, 4 weekly, 12 monthly). */
  backups: z.array(BackupFile),
  /** Set after a restore until it is undone or another restore replaces it. */
  undo: z.object({ restoredAt: z.string(), restoredFrom: z.string(), safetyBackup: z.string() }).nullable(),
});
export type BackupStatus = z.infer<typeof BackupStatus>;

const FilePath = z.string().trim().min(1, { error: 'Choose a file.' }).max(4096, { error: 'That path is too long.' });

export const CreateBackup = z.object({
  /** A file the user chose (Electron's save dialog, the CLI); the backups folder when left out. */
  to: FilePath.optional(),
});

export const SetBackupFolder = z.object({
  /** An absolute folder; null goes back to the default inside the data folder. */
  folder: FilePath.nullable(),
});

export const BackupSource = z.object({ file: FilePath });

/** What a restore would bring back, shown before the user confirms. */
export const RestorePreview = z.object({
  file: z.string(),
  sizeBytes: z.number().int(),
  manifest: BackupManifest,
  /** The backup's schema is older: it is brought up to date after restoring. */
  needsUpdate: z.boolean(),
  /** What is there now, for the side-by-side. */
  current: BackupCounts,
});
export type RestorePreview = z.infer<typeof RestorePreview>;

export const RestoreResult = z.object({
  restoredFrom: z.string(),
  manifest: BackupManifest,
  /** The copy of the data as it was just before: Undo restore brings it back. */
  safetyBackup: BackupFile,
  counts: BackupCounts,
});
export type RestoreResult = z.infer<typeof RestoreResult>;
