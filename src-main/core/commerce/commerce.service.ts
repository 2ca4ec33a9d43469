import { AppError } from '../../../shared/api/errors.ts';
import type { CreatePurchase, ListPurchases, Purchase, PurchasePage, UpdatePurchase } from '../../../shared/commerce/commerce.schemas.ts';
import type { CoreContext } from '../context.ts';
import type { Db } from '../db/handle.ts';

// PLACEHOLDERS until the commerce helper lands them: replaced, never shipped.
const notYet = (): never => {
  throw new AppError('INTERNAL', 'Not built yet.');
};
export async function createPurchase(_ctx: CoreContext, _input: CreatePurchase): Promise<Purchase> {
  return notYet();
}
export async function updatePurchase(_ctx: CoreContext, _input: UpdatePurchase): Promise<Purchase> {
  return notYet();
}
export async function deletePurchase(_ctx: CoreContext, _id: string): Promise<Purchase> {
  return notYet();
}
export async function restorePurchase(_ctx: CoreContext, _id: string): Promise<Purchase> {
  return notYet();
}
export async function listPurchases(_ctx: CoreContext, _input: ListPurchases): Promise<PurchasePage> {
  return notYet();
}
/** Two years of purchases for the sample people, inside the sample's own transaction. */
export async function seedSamplePurchasesIn(_db: Db, _now: string, _personIds: string[]): Promise<string[]> {
  return [];
}
