import type { transferContract } from '../../../shared/transfer/transfer.contract.ts';
import type { HandlersFor } from '../handler.ts';
import * as transfer from './transfer.service.ts';

/** The core's side of the transfer slice of the contract. */
export const transferHandlers = {
  'transfer.previewImport': (ctx, input) => transfer.previewImport(ctx, input),
  'transfer.importContacts': (ctx, input) => transfer.importContacts(ctx, input),
  'transfer.imports': (ctx) => transfer.listImports(ctx),
  'transfer.undoImport': (ctx, input) => transfer.undoImport(ctx, input.batchId),
  'transfer.exportContacts': (ctx, input) => transfer.exportContacts(ctx, input),
} satisfies HandlersFor<typeof transferContract>;
