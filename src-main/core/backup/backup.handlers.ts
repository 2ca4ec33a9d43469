import { AppError } from '../../../shared/api/errors.ts';
import type { backupContract } from '../../../shared/backup/backup.contract.ts';
import type { HandlersFor } from '../handler.ts';

// PLACEHOLDER until the backup helper lands its handlers: replaced, never shipped.
const notYet = async (): Promise<never> => {
  throw new AppError('INTERNAL', 'Not built yet.');
};

export const backupHandlers = {
  'backup.status': notYet,
  'backup.create': notYet,
  'backup.setFolder': notYet,
  'backup.inspect': notYet,
  'backup.restore': notYet,
  'backup.undoRestore': notYet,
} satisfies HandlersFor<typeof backupContract>;
