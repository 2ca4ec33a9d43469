import { create } from 'zustand';
import type { BackupStatus } from '../../../shared/backup/backup.schemas.ts';
import { api } from '../../api/api.ts';
import { apiErrorOf } from '../../api/client.ts';
import { latestAnswer } from '../../api/latest-answer.ts';

type BackupStatusState = {
  status: BackupStatus | null;
  error: string | null;
  refresh: () => Promise<void>;
};

const loads = latestAnswer();

/** The Backup section: last backup, the folder, a warning, the backups in the folder, the pending Undo restore. */
export const useBackupStatus = create<BackupStatusState>()((set) => ({
  status: null,
  error: null,
  refresh: async () => {
    const stillLatest = loads.start();
    try {
      const status = await api.invoke('backup.status', {});
      if (stillLatest()) set({ status, error: null });
    } catch (thrown) {
      if (stillLatest()) set({ error: apiErrorOf(thrown).message });
    }
  },
}));
