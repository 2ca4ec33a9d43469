import type { FieldLabels } from '../api/slices.ts';

export const backupFieldLabels = {
  to: 'Backup file',
  folder: 'Backups folder',
  file: 'Backup file',
} as const satisfies FieldLabels;
