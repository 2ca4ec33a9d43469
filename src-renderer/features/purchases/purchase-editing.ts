import { z } from 'zod';
import type { MethodInput } from '../../../shared/api/contract.ts';
import { FieldProblem } from '../../../shared/api/errors.ts';
import type { Purchase } from '../../../shared/commerce/commerce.schemas.ts';
import { api } from '../../api/api.ts';
import { apiErrorOf } from '../../api/client.ts';
import { formatLocalDate } from '../../ui/dates.ts';
import type { SaveProblem } from '../../ui/save-problem.ts';
import { showToast } from '../../ui/toast.store.ts';

// Writes to purchases. None refreshes a view by hand: `purchases.changed` does (purchases.store.ts).

const ValidationDetails = z.object({ fields: z.array(FieldProblem) });

/**
 * Why a save did not land, by the purchase's own field: the core names them
 * `fields.grossCents`, and the shared saveProblemOf keeps only the first part.
 */
function purchaseProblemOf(thrown: unknown): SaveProblem {
  const error = apiErrorOf(thrown);
  const details = ValidationDetails.safeParse(error.details);
  if (error.code !== 'VALIDATION' || !details.success || details.data.fields.length === 0) return { message: error.message };
  const fields: Record<string, string> = {};
  for (const problem of details.data.fields) {
    const field = problem.path.replace(/^fields\./, '').split('.')[0] ?? problem.path;
    fields[field] ??= problem.message;
  }
  return { fields };
}

type Saved = { saved: Purchase } | { problem: SaveProblem };

export async function createPurchase(input: MethodInput<'purchases.create'>): Promise<Saved> {
  try {
    return { saved: await api.invoke('purchases.create', input) };
  } catch (thrown) {
    return { problem: purchaseProblemOf(thrown) };
  }
}

export async function updatePurchase(input: MethodInput<'purchases.update'>): Promise<Saved> {
  try {
    return { saved: await api.invoke('purchases.update', input) };
  } catch (thrown) {
    return { problem: purchaseProblemOf(thrown) };
  }
}

/** Puts a purchase in the Trash, with Undo in the toast. */
export async function removePurchase(purchase: Pick<Purchase, 'id' | 'occurredOn'>): Promise<void> {
  const tell = (thrown: unknown) => showToast({ message: apiErrorOf(thrown).message });
  try {
    await api.invoke('purchases.delete', { id: purchase.id });
  } catch (thrown) {
    tell(thrown);
    return;
  }
  showToast({
    message: `Removed the purchase of ${formatLocalDate(purchase.occurredOn)}`,
    action: { label: 'Undo', run: () => void api.invoke('purchases.restore', { id: purchase.id }).catch(tell) },
  });
}
