import type { PurchaseKind } from '../../../shared/commerce/commerce.schemas.ts';

export const purchaseKindWords: Record<PurchaseKind, string> = { sale: 'Sale', closing: 'Closing', refund: 'Refund' };

/** "online" → "Online": channels are stored lower-case, whatever the user typed. */
export const channelWords = (channel: string) => (channel === '' ? 'No channel' : channel.charAt(0).toUpperCase() + channel.slice(1));
