import { create } from 'zustand';
import type { ExportFormat } from '../../../shared/transfer/transfer.schemas.ts';
import { api } from '../../api/api.ts';
import { apiErrorOf } from '../../api/client.ts';
import { files } from '../../api/files.ts';
import { showToast } from '../../ui/toast.store.ts';
import type { Progress } from '../backup/ProgressBar.tsx';
import { fileStamp } from '../backup/backup-words.ts';

export const exportFormats: readonly { value: ExportFormat; label: string; extension: string; typeName: string }[] = [
  { value: 'csv', label: 'CSV (spreadsheets)', extension: 'csv', typeName: 'CSV files' },
  { value: 'vcard', label: 'vCard (address books)', extension: 'vcf', typeName: 'vCard files' },
  { value: 'json', label: 'JSON — everything', extension: 'json', typeName: 'JSON files' },
];

type ExportState = {
  format: ExportFormat;
  running: boolean;
  progress: Progress | null;
  problem: string | null;
  setFormat: (format: ExportFormat) => void;
  exportContacts: () => Promise<void>;
};

/** Export contacts: the save dialog's file in the desktop app, a download in browser mode. */
export const useExport = create<ExportState>()((set, get) => ({
  format: 'csv',
  running: false,
  progress: null,
  problem: null,
  setFormat: (format) => set({ format }),
  exportContacts: async () => {
    const { format, running } = get();
    if (running) return;
    const kind = exportFormats.find((option) => option.value === format) ?? exportFormats[0]!;
    try {
      const target = await files.chooseSaveTarget({
        title: 'Export contacts',
        extensions: [kind.extension],
        typeName: kind.typeName,
        suggestedName: `Ambassador-contacts-${fileStamp(new Date(), false)}.${kind.extension}`,
      });
      if (target === null) return;
      set({ running: true, progress: null, problem: null });
      const exported = await api.invoke('transfer.exportContacts', target.path === undefined ? { format } : { format, to: target.path });
      if (target.path === undefined) await files.deliver(exported.path, exported.fileName);
      showToast({ message: `Exported ${exported.contacts.toLocaleString()} ${exported.contacts === 1 ? 'contact' : 'contacts'}` });
    } catch (thrown) {
      set({ problem: apiErrorOf(thrown).message });
    } finally {
      set({ running: false, progress: null });
    }
  },
}));
