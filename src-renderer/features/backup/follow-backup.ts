import { api } from '../../api/api.ts';
import { refetchOn } from '../../api/refetch-on.ts';
import { useBackupRun } from './backup-run.store.ts';
import { useBackupStatus } from './backup-status.store.ts';
import { useRestore } from './restore.store.ts';

/** Keeps the Backup section current and feeds the progress bars from the core's reports. */
export function followBackupChanges(): () => void {
  const stopRefetching = refetchOn(['backup.changed', 'backup.restored'], () => void useBackupStatus.getState().refresh());
  const stopProgress = api.onEvent((event) => {
    if (event.name !== 'backup.progress') return;
    const { operation, done, total } = event.payload;
    if (operation === 'backup' && useBackupRun.getState().running) useBackupRun.setState({ progress: { done, total } });
    if (operation === 'restore' && useRestore.getState().step === 'restoring') useRestore.setState({ progress: { done, total } });
  });
  return () => {
    stopRefetching();
    stopProgress();
  };
}
