import { AppError } from '../../../shared/api/errors.ts';
import type {
  ImportPurchases,
  PurchaseImportBatch,
  PurchaseImportPreview,
  PurchaseImportReport,
  PurchaseReadOptions,
} from '../../../shared/commerce/purchase-import.schemas.ts';
import type { CoreContext } from '../context.ts';

// PLACEHOLDERS until the commerce helper lands them: replaced, never shipped.
const notYet = (): never => {
  throw new AppError('INTERNAL', 'Not built yet.');
};
export async function previewPurchaseImport(_ctx: CoreContext, _input: PurchaseReadOptions): Promise<PurchaseImportPreview> {
  return notYet();
}
export async function importPurchases(_ctx: CoreContext, _input: ImportPurchases): Promise<PurchaseImportReport> {
  return notYet();
}
export async function listPurchaseImports(_ctx: CoreContext): Promise<PurchaseImportBatch[]> {
  return notYet();
}
export async function undoPurchaseImport(_ctx: CoreContext, _batchId: string): Promise<{ batchId: string; removedPurchases: number; removedContacts: number; keptContacts: number }> {
  return notYet();
}
