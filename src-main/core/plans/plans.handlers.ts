import { AppError } from '../../../shared/api/errors.ts';
import type { plansContract } from '../../../shared/plans/plans.contract.ts';
import type { HandlersFor } from '../handler.ts';

// PLACEHOLDER until the plans helper lands its handlers: replaced, never shipped.
const notYet = async (): Promise<never> => {
  throw new AppError('INTERNAL', 'Not built yet.');
};

export const plansHandlers = {
  'plans.list': notYet,
  'plans.get': notYet,
  'plans.create': notYet,
  'plans.update': notYet,
  'plans.duplicate': notYet,
  'plans.setEnabled': notYet,
  'plans.preview': notYet,
  'plans.start': notYet,
  'plans.cancel': notYet,
  'plans.runs': notYet,
  'plans.heldBack': notYet,
} satisfies HandlersFor<typeof plansContract>;
