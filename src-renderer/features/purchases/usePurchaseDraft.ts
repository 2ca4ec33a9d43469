import { useState } from 'react';
import type { Purchase, PurchaseKind } from '../../../shared/commerce/commerce.schemas.ts';
import { todayLocal } from '../../ui/dates.ts';
import { moneyText, parseMoney } from '../../ui/money.ts';
import { placeSaveProblem } from '../../ui/save-problem.ts';
import { createPurchase, updatePurchase } from './purchase-editing.ts';
import { useCurrency } from '../customer-value/currency.store.ts';

export type PurchaseDraft = {
  kind: PurchaseKind;
  date: string;
  description: string;
  amount: string;
  discount: string;
  discountReason: string;
  productCost: string;
  channel: string;
  channelCost: string;
};

export type PurchaseDraftErrors = Partial<Record<keyof PurchaseDraft, string>>;

/** The core's field names → the form's. */
const fieldOf: Record<string, keyof PurchaseDraft> = {
  kind: 'kind',
  occurredOn: 'date',
  description: 'description',
  grossCents: 'amount',
  discountCents: 'discount',
  discountReason: 'discountReason',
  productCostCents: 'productCost',
  channel: 'channel',
  channelCostCents: 'channelCost',
};

const moneyFields = ['amount', 'discount', 'productCost', 'channelCost'] as const;

function freshDraft(): PurchaseDraft {
  return { kind: 'sale', date: todayLocal(), description: '', amount: '', discount: '', discountReason: '', productCost: '', channel: '', channelCost: '' };
}

function draftOf(purchase: Purchase): PurchaseDraft {
  return {
    kind: purchase.kind,
    date: purchase.occurredOn,
    description: purchase.description,
    amount: (purchase.grossCents / 100).toFixed(2),
    discount: moneyText(purchase.discountCents),
    discountReason: purchase.discountReason,
    productCost: moneyText(purchase.productCostCents),
    channel: purchase.channel,
    channelCost: moneyText(purchase.channelCostCents),
  };
}

type Fields = Parameters<typeof createPurchase>[0]['fields'];

/** Checks what the browser can (amounts, the date's shape) before sending; the core checks the rest. */
function toFields(draft: PurchaseDraft, currency: string | null): { errors: PurchaseDraftErrors } | { fields: Fields } {
  const errors: PurchaseDraftErrors = {};
  const cents: Partial<Record<(typeof moneyFields)[number], number>> = {};
  for (const field of moneyFields) {
    const parsed = parseMoney(draft[field], undefined, currency);
    if ('problem' in parsed) errors[field] = parsed.problem;
    else cents[field] = parsed.cents ?? 0;
  }
  if (draft.amount.trim() === '') errors.amount = 'Enter the amount charged, like 120.00';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.date.trim())) errors.date = 'Enter the date as YYYY-MM-DD, e.g. 2026-11-30.';
  if (Object.keys(errors).length > 0) return { errors };
  return {
    fields: {
      kind: draft.kind,
      occurredOn: draft.date.trim(),
      description: draft.description,
      grossCents: cents.amount ?? 0,
      discountCents: cents.discount ?? 0,
      discountReason: draft.discountReason,
      productCostCents: cents.productCost ?? 0,
      channel: draft.channel,
      channelCostCents: cents.channelCost ?? 0,
    },
  };
}

/** The Add purchase / Edit form's state: the draft, its problems beside each field, and save. */
export function usePurchaseDraft(contactId: string, editing: Purchase | null, onSaved: (saved: Purchase) => void) {
  const [draft, setDraft] = useState<PurchaseDraft>(() => (editing ? draftOf(editing) : freshDraft()));
  const [errors, setErrors] = useState<PurchaseDraftErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const edit = (change: Partial<PurchaseDraft>) => {
    setDraft((current) => ({ ...current, ...change }));
    // A field's problem goes once it is edited; the others stay until the next save.
    setErrors((current) => {
      const next = { ...current };
      for (const key of Object.keys(change)) delete next[key as keyof PurchaseDraft];
      return next;
    });
  };

  const save = async () => {
    if (saving) return;
    const checked = toFields(draft, useCurrency.getState().currency);
    if ('errors' in checked) {
      setErrors(checked.errors);
      setMessage(null);
      return;
    }
    setSaving(true);
    const result = editing
      ? await updatePurchase({ id: editing.id, expectedUpdatedAt: editing.updatedAt, fields: checked.fields })
      : await createPurchase({ contactId, fields: checked.fields });
    setSaving(false);
    if ('saved' in result) {
      onSaved(result.saved);
      return;
    }
    const placed = placeSaveProblem(result.problem, fieldOf);
    setErrors(placed.errors);
    setMessage(placed.message);
  };

  return { draft, edit, errors, message, saving, save };
}
