import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BackupStatus } from '../../../shared/backup/backup.schemas.ts';
import { writeFileDurably } from '../db/durable-files.ts';

/**
 * What Ambassador remembers about backups, kept in a small file beside the
 * database rather than in it: restoring an older database must not bring back
 * an older folder choice or forget that a restore can be undone.
 */
export type BackupState = {
  /** The folder the user chose; null for the default inside the data folder. */
  folder: string | null;
  lastSuccess: BackupStatus['lastSuccess'];
  lastFailure: (NonNullable<BackupStatus['lastFailure']> & { automatic: boolean }) | null;
  undo: BackupStatus['undo'];
};

const empty: BackupState = { folder: null, lastSuccess: null, lastFailure: null, undo: null };

const stateFileOf = (dataDir: string) => join(dataDir, 'backups.json');

const known = BackupStatus.pick({ lastSuccess: true, lastFailure: true, undo: true }).partial();

/** The remembered state; a missing or unreadable file counts as nothing remembered. */
export function readBackupState(dataDir: string): BackupState {
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(readFileSync(stateFileOf(dataDir), 'utf8')) as Record<string, unknown>;
  } catch {
    return empty;
  }
  const parsed = known.safeParse(raw);
  const fields = parsed.success ? parsed.data : {};
  const failure = fields.lastFailure;
  return {
    folder: typeof raw.folder === 'string' ? raw.folder : null,
    lastSuccess: fields.lastSuccess ?? null,
    lastFailure: failure ? { ...failure, automatic: (raw.lastFailure as { automatic?: unknown }).automatic === true } : null,
    undo: fields.undo ?? null,
  };
}

/** Changes the remembered state: read, change, written whole (never half written). */
export function updateBackupState(dataDir: string, change: (state: BackupState) => Partial<BackupState>): BackupState {
  const before = readBackupState(dataDir);
  const after = { ...before, ...change(before) };
  writeFileDurably(stateFileOf(dataDir), `${JSON.stringify(after, null, 2)}\n`);
  return after;
}
