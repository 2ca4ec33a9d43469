import type { commerceContract } from '../../../shared/commerce/commerce.contract.ts';
import type { HandlersFor } from '../handler.ts';
import * as purchases from './commerce.service.ts';
import * as purchaseImport from './purchase-import.service.ts';

/** The core's side of the commerce slice of the contract. */
export const commerceHandlers = {
  'purchases.create': (ctx, input) => purchases.createPurchase(ctx, input),
  'purchases.update': (ctx, input) => purchases.updatePurchase(ctx, input),
  'purchases.delete': (ctx, input) => purchases.deletePurchase(ctx, input.id),
  'purchases.restore': (ctx, input) => purchases.restorePurchase(ctx, input.id),
  'purchases.list': (ctx, input) => purchases.listPurchases(ctx, input),
  'purchases.previewImport': (ctx, input) => purchaseImport.previewPurchaseImport(ctx, input),
  'purchases.import': (ctx, input) => purchaseImport.importPurchases(ctx, input),
  'purchases.imports': (ctx) => purchaseImport.listPurchaseImports(ctx),
  'purchases.undoImport': (ctx, input) => purchaseImport.undoPurchaseImport(ctx, input.batchId),
} satisfies HandlersFor<typeof commerceContract>;
