import { api } from '../../api/api.ts';
import { refetchOn } from '../../api/refetch-on.ts';
import { useExport } from './export.store.ts';
import { useImport } from './import.store.ts';
import { useImports } from './imports.store.ts';

/** Keeps the recent imports current and feeds the import and export progress bars. */
export function followTransferChanges(): () => void {
  const stopRefetching = refetchOn(['transfer.changed'], () => void useImports.getState().refresh());
  const stopProgress = api.onEvent((event) => {
    if (event.name !== 'transfer.progress') return;
    const { operation, done, total } = event.payload;
    if (operation === 'import' && useImport.getState().step === 'importing') useImport.setState({ progress: { done, total } });
    if (operation === 'export' && useExport.getState().running) useExport.setState({ progress: { done, total } });
  });
  return () => {
    stopRefetching();
    stopProgress();
  };
}
