import { create } from 'zustand';
import type { RestorePreview } from '../../../shared/backup/backup.schemas.ts';
import { api } from '../../api/api.ts';
import { apiErrorOf } from '../../api/client.ts';
import { files, inUserWords } from '../../api/files.ts';
import { latestAnswer } from '../../api/latest-answer.ts';
import { showToast } from '../../ui/toast.store.ts';
import { formatMoment } from './backup-words.ts';
import type { Progress } from './ProgressBar.tsx';

type RestoreState = {
  /** closed; checking the chosen file; showing its preview; restoring it. */
  step: 'closed' | 'checking' | 'preview' | 'restoring';
  /** The file as the user knows it (its name), and the path the core reads. */
  file: { path: string; name: string } | null;
  preview: RestorePreview | null;
  /** Why the file cannot be restored, or the restore failed, in the core's words. */
  problem: string | null;
  progress: Progress | null;
  /** Restore from file: the open dialog (desktop) or an upload (browser mode), then the preview. */
  chooseFile: () => Promise<void>;
  /** Checks a file (chosen, or one of the backups in the folder) and shows what restoring it would bring back. */
  inspect: (file: { path: string; name: string }) => Promise<void>;
  confirm: () => Promise<void>;
  cancel: () => void;
};

/** A file chosen while another is still being checked wins; the older answer is dropped. */
const checks = latestAnswer();

/** Restore: choose, preview, confirm. Undo restore is `undoRestore` beside it; views reload on `backup.restored`. */
export const useRestore = create<RestoreState>()((set, get) => ({
  step: 'closed',
  file: null,
  preview: null,
  problem: null,
  progress: null,

  chooseFile: async () => {
    try {
      const chosen = await files.chooseFileToOpen({
        title: 'Restore from file',
        extensions: ['ambassador', 'sqlite'],
        typeName: 'Ambassador backups',
      });
      if (chosen) await get().inspect(chosen);
    } catch (thrown) {
      set({ step: 'preview', file: null, preview: null, problem: apiErrorOf(thrown).message });
    }
  },

  inspect: async (file) => {
    const stillLatest = checks.start();
    set({ step: 'checking', file, preview: null, problem: null });
    try {
      const preview = await api.invoke('backup.inspect', { file: file.path });
      if (stillLatest()) set({ step: 'preview', preview });
    } catch (thrown) {
      if (stillLatest()) set({ step: 'preview', problem: inUserWords(apiErrorOf(thrown).message, file) });
    }
  },

  confirm: async () => {
    const { file, preview, step } = get();
    if (!file || !preview || step !== 'preview') return;
    set({ step: 'restoring', problem: null, progress: null });
    try {
      const result = await api.invoke('backup.restore', { file: file.path });
      set({ step: 'closed', file: null, preview: null, progress: null });
      showToast({ message: `Restored the backup of ${formatMoment(result.manifest.createdAt)}. Your data from before was saved first.` });
    } catch (thrown) {
      set({ step: 'preview', progress: null, problem: apiErrorOf(thrown).message });
    }
  },

  cancel: () => {
    if (get().step === 'restoring') return;
    checks.drop();
    set({ step: 'closed', file: null, preview: null, problem: null });
  },
}));

/** Brings back the data as it was just before the last restore. */
export async function undoRestore(): Promise<void> {
  try {
    await api.invoke('backup.undoRestore', {});
    showToast({ message: 'Restore undone: your data is back as it was before' });
  } catch (thrown) {
    showToast({ message: apiErrorOf(thrown).message });
  }
}

/** Backups go to this folder from now on; null goes back to the default inside the data folder. */
export async function setBackupFolder(folder: string | null): Promise<string | null> {
  try {
    const status = await api.invoke('backup.setFolder', { folder });
    showToast({ message: `Backups now go to ${status.folder}` });
    return null;
  } catch (thrown) {
    return apiErrorOf(thrown).message;
  }
}
