import { api } from '../../api/api.ts';
import { refetchOn } from '../../api/refetch-on.ts';
import { usePurchaseImport } from './purchase-import.store.ts';
import { usePurchaseImports } from './purchase-imports.store.ts';

/** While the section shows: keeps the recent purchase imports current and feeds the import's progress bar. */
export function followPurchaseImports(): () => void {
  void usePurchaseImports.getState().refresh();
  const stopRefetching = refetchOn(['purchases.changed'], () => void usePurchaseImports.getState().refresh());
  const stopProgress = api.onEvent((event) => {
    if (event.name !== 'purchases.importProgress') return;
    const { done, total } = event.payload;
    if (usePurchaseImport.getState().step === 'importing') usePurchaseImport.setState({ progress: { done, total } });
  });
  return () => {
    stopRefetching();
    stopProgress();
  };
}
