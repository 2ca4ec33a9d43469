import { z } from 'zod';
import type { ContractSlice } from '../api/slices.ts';
import { ById, CreatePurchase, ListPurchases, Purchase, PurchasePage, UpdatePurchase } from './commerce.schemas.ts';
import {
  ImportPurchases,
  PurchaseImportBatch,
  PurchaseImportPreview,
  PurchaseImportReport,
  PurchaseReadOptions,
  UndonePurchaseImport,
  UndoPurchaseImport,
} from './purchase-import.schemas.ts';

/** Purchases and closed deals: recorded by hand or imported from a point-of-sale or accounting export. */
export const commerceContract = {
  /** A sale or closing also fires the plan triggers (first purchase, home closing). */
  'purchases.create': { input: CreatePurchase, output: Purchase },
  'purchases.update': { input: UpdatePurchase, output: Purchase },
  /** To the Trash; purchases.restore brings it back. */
  'purchases.delete': { input: ById, output: Purchase },
  'purchases.restore': { input: ById, output: Purchase },
  'purchases.list': { input: ListPurchases, output: PurchasePage },
  'purchases.previewImport': { input: PurchaseReadOptions, output: PurchaseImportPreview },
  'purchases.import': { input: ImportPurchases, output: PurchaseImportReport },
  'purchases.imports': { input: z.object({}), output: z.array(PurchaseImportBatch) },
  'purchases.undoImport': { input: UndoPurchaseImport, output: UndonePurchaseImport },
} as const satisfies ContractSlice;
