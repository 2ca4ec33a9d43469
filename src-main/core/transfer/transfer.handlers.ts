import { AppError } from '../../../shared/api/errors.ts';
import type { transferContract } from '../../../shared/transfer/transfer.contract.ts';
import type { HandlersFor } from '../handler.ts';

// PLACEHOLDER until the transfer helper lands its handlers: replaced, never shipped.
const notYet = async (): Promise<never> => {
  throw new AppError('INTERNAL', 'Not built yet.');
};

export const transferHandlers = {
  'transfer.previewImport': notYet,
  'transfer.importContacts': notYet,
  'transfer.imports': notYet,
  'transfer.undoImport': notYet,
  'transfer.exportContacts': notYet,
} satisfies HandlersFor<typeof transferContract>;
