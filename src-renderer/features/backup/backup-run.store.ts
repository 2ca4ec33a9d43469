import { create } from 'zustand';
import { api } from '../../api/api.ts';
import { apiErrorOf } from '../../api/client.ts';
import { files } from '../../api/files.ts';
import { showToast } from '../../ui/toast.store.ts';
import { fileStamp } from './backup-words.ts';
import type { Progress } from './ProgressBar.tsx';

type BackupRunState = {
  running: boolean;
  /** From `backup.progress` while a backup runs; null before the first report. */
  progress: Progress | null;
  /** Why the last Back up now failed, in the core's words; cleared by the next try. */
  problem: string | null;
  backUpNow: () => Promise<void>;
};

/**
 * Back up now: the save dialog's file in the desktop app; in browser mode the core
 * writes into the backups folder and the file is downloaded. The status reloads on
 * `backup.changed`, not from here.
 */
export const useBackupRun = create<BackupRunState>()((set, get) => ({
  running: false,
  progress: null,
  problem: null,
  backUpNow: async () => {
    if (get().running) return;
    try {
      const target = await files.chooseSaveTarget({
        title: 'Back up now',
        extensions: ['ambassador'],
        typeName: 'Ambassador backups',
        suggestedName: `Ambassador-${fileStamp()}.ambassador`,
      });
      if (target === null) return;
      set({ running: true, progress: null, problem: null });
      const backup = await api.invoke('backup.create', target.path === undefined ? {} : { to: target.path });
      if (target.path === undefined) {
        await files.deliver(backup.path, backup.fileName);
        showToast({ message: `Backed up: ${backup.fileName} is in your downloads` });
      } else {
        showToast({ message: `Backed up to ${backup.fileName}` });
      }
    } catch (thrown) {
      set({ problem: apiErrorOf(thrown).message });
    } finally {
      set({ running: false, progress: null });
    }
  },
}));
