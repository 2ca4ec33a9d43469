import { AppError } from '../../../shared/api/errors.ts';
import type { duplicatesContract } from '../../../shared/duplicates/duplicates.contract.ts';
import type { HandlersFor } from '../handler.ts';

// PLACEHOLDER until the duplicates helper lands its handlers: replaced, never shipped.
const notYet = async (): Promise<never> => {
  throw new AppError('INTERNAL', 'Not built yet.');
};

export const duplicatesHandlers = {
  'duplicates.find': notYet,
  'duplicates.merge': notYet,
  'duplicates.undoMerge': notYet,
  'duplicates.merges': notYet,
} satisfies HandlersFor<typeof duplicatesContract>;
