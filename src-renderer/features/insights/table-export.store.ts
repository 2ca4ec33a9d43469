import { create } from 'zustand';
import type { ExportTable } from '../../../shared/insights/insights.schemas.ts';
import { api } from '../../api/api.ts';
import { apiErrorOf } from '../../api/client.ts';
import { files } from '../../api/files.ts';
import { showToast } from '../../ui/toast.store.ts';
import { fileStamp } from '../backup/backup-words.ts';
import { useInsights } from './insights.store.ts';

export type InsightsTable = ExportTable['table'];

type TableExportState = {
  /** The table being written, if any. */
  running: InsightsTable | null;
  problem: { table: InsightsTable; message: string } | null;
  exportTable: (table: InsightsTable) => Promise<void>;
};

/** A table of the Insights view as CSV: the save dialog's file in the desktop app, a download in browser mode. */
export const useTableExport = create<TableExportState>()((set, get) => ({
  running: null,
  problem: null,
  exportTable: async (table) => {
    if (get().running !== null) return;
    const period = useInsights.getState().period;
    try {
      const target = await files.chooseSaveTarget({
        title: `Export the ${table} table`,
        extensions: ['csv'],
        typeName: 'CSV files',
        suggestedName: `Ambassador-${table}-${fileStamp(new Date(), false)}.csv`,
      });
      if (target === null) return;
      set({ running: table, problem: null });
      const exported = await api.invoke('insights.exportTable', target.path === undefined ? { table, period } : { table, period, to: target.path });
      if (target.path === undefined) await files.deliver(exported.path, exported.fileName);
      showToast({ message: `Exported ${exported.rows.toLocaleString()} ${exported.rows === 1 ? 'row' : 'rows'} to ${exported.fileName}` });
    } catch (thrown) {
      set({ problem: { table, message: apiErrorOf(thrown).message } });
    } finally {
      set({ running: null });
    }
  },
}));
