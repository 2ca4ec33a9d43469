import { useId, type FormEvent, type KeyboardEvent } from 'react';
import { PurchaseKind, suggestedChannels, type Purchase } from '../../../shared/commerce/commerce.schemas.ts';
import { Button } from '../../ui/Button.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { parseMoney } from '../../ui/money.ts';
import { purchaseKindWords } from './purchase-words.ts';
import { usePurchaseDraft } from './usePurchaseDraft.ts';

const kindOptions = PurchaseKind.options.map((kind) => ({ value: kind, label: purchaseKindWords[kind] }));

type Props = {
  contactId: string;
  onSaved: (saved: Purchase) => void;
  onCancel: () => void;
  /** The purchase to edit; without it the form records a new one. */
  editing?: Purchase;
};

/** Whether some money was typed (anything but empty or zero). */
const hasMoney = (text: string) => {
  const parsed = parseMoney(text);
  return !('cents' in parsed) || (parsed.cents ?? 0) > 0;
};

/**
 * Add purchase / Edit: amount, date (today), channel; Enter saves, Esc cancels.
 * "Discount reason" and "Channel cost" appear once a discount or a channel is given:
 * until then "Discount" and "Channel" each name one field of the page.
 */
export function PurchaseForm({ contactId, onSaved, onCancel, editing }: Props) {
  const { draft, edit, errors, message, saving, save } = usePurchaseDraft(contactId, editing ?? null, onSaved);
  const channelsId = useId();
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void save();
  };
  // Esc closes the form, not the contact page behind it.
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.nativeEvent.preventDefault();
    onCancel();
  };
  const showReason = hasMoney(draft.discount) || draft.discountReason !== '' || errors.discountReason !== undefined;
  const showChannelCost = draft.channel.trim() !== '' || hasMoney(draft.channelCost) || errors.channelCost !== undefined;
  return (
    <form className="quick-form" aria-label={editing ? 'Edit a purchase' : 'Record a purchase'} onSubmit={onSubmit} onKeyDown={onKeyDown} noValidate>
      {message && (
        <p className="error-banner" role="alert">
          {message}
        </p>
      )}
      <div className="field-row">
        <TextField label="Amount" inputMode="decimal" value={draft.amount} onChange={(amount) => edit({ amount })} error={errors.amount} autoFocus placeholder="120.00" />
        <TextField label="Date" value={draft.date} onChange={(date) => edit({ date })} error={errors.date} placeholder="YYYY-MM-DD" hint="YYYY-MM-DD" />
        <SelectField label="Kind" value={draft.kind} options={kindOptions} onChange={(kind) => edit({ kind: kind as PurchaseKind })} error={errors.kind} />
      </div>
      <TextField label="Description" value={draft.description} onChange={(description) => edit({ description })} error={errors.description} placeholder="What they bought" />
      <div className="field-row">
        <TextField label="Discount" inputMode="decimal" value={draft.discount} onChange={(discount) => edit({ discount })} error={errors.discount} hint="Discounts, allowances and credits" />
        {showReason && <TextField label="Discount reason" value={draft.discountReason} onChange={(discountReason) => edit({ discountReason })} error={errors.discountReason} />}
      </div>
      <div className="field-row">
        <TextField label="Product cost" inputMode="decimal" value={draft.productCost} onChange={(productCost) => edit({ productCost })} error={errors.productCost} hint="What it cost you" />
        <TextField label="Channel" list={channelsId} value={draft.channel} onChange={(channel) => edit({ channel })} error={errors.channel} placeholder="store, online, phone…" />
        {showChannelCost && <TextField label="Channel cost" inputMode="decimal" value={draft.channelCost} onChange={(channelCost) => edit({ channelCost })} error={errors.channelCost} hint="Fees or commission" />}
        <datalist id={channelsId}>
          {suggestedChannels.map((channel) => (
            <option key={channel} value={channel} />
          ))}
        </datalist>
      </div>
      <div className="form-actions">
        <Button type="submit" variant="primary" disabled={saving}>
          {editing ? 'Save changes' : 'Save purchase'}
        </Button>
        <Button variant="quiet" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
