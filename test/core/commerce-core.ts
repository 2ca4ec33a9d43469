import type { Purchase, PurchasePage } from '../../shared/commerce/commerce.schemas.ts';
import type { PurchaseImportPreview, PurchaseImportReport } from '../../shared/commerce/purchase-import.schemas.ts';
import { openPlansCore } from './plans-core.ts';

/** A real core on a temp folder at 09:00 on 2 December 2026, with shortcuts for purchases. */
export async function openCommerceCore(today = '2026-12-02') {
  const app = await openPlansCore(today);
  return {
    ...app,
    purchase: (contactId: string, fields: object = {}) =>
      app.call<Purchase>('purchases.create', { contactId, fields: { occurredOn: '2026-11-20', grossCents: 5_000, ...fields } }),
    purchases: (contactId: string, more: object = {}) => app.call<PurchasePage>('purchases.list', { contactId, ...more }),
    preview: (file: string, more: object = {}) => app.call<PurchaseImportPreview>('purchases.previewImport', { file, ...more }),
    importFile: (file: string, more: object = {}) => app.call<PurchaseImportReport>('purchases.import', { file, ...more }),
  };
}

export type CommerceCore = Awaited<ReturnType<typeof openCommerceCore>>;
