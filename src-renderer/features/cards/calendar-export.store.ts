import { create } from 'zustand';
import { api } from '../../api/api.ts';
import { apiErrorOf } from '../../api/client.ts';
import { files } from '../../api/files.ts';
import { showToast } from '../../ui/toast.store.ts';
import { fileStamp } from '../backup/backup-words.ts';

type CalendarExportState = {
  running: boolean;
  problem: string | null;
  exportCalendar: (contactId?: string) => Promise<void>;
  dismiss: () => void;
};

export const exportedWords = (events: number) => `Exported ${events.toLocaleString()} ${events === 1 ? 'follow-up' : 'follow-ups'} to your calendar file`;

/**
 * Export calendar: open follow-ups (everyone's, or one contact's) as an .ics file,
 * written where the save dialog said in the desktop app, downloaded in browser mode.
 */
export const useCalendarExport = create<CalendarExportState>()((set, get) => ({
  running: false,
  problem: null,
  exportCalendar: async (contactId) => {
    if (get().running) return;
    set({ problem: null });
    try {
      const target = await files.chooseSaveTarget({
        title: 'Export calendar',
        extensions: ['ics'],
        typeName: 'Calendar files',
        suggestedName: `Ambassador-followups-${fileStamp(new Date(), false)}.ics`,
      });
      if (target === null) return;
      set({ running: true });
      const scope = contactId === undefined ? {} : { contactId };
      const written = await api.invoke('followups.exportCalendar', target.path === undefined ? scope : { ...scope, to: target.path });
      if (target.path === undefined) await files.deliver(written.path, written.fileName);
      showToast({ message: exportedWords(written.events) });
    } catch (thrown) {
      set({ problem: `The calendar was not exported: ${apiErrorOf(thrown).message}` });
    } finally {
      set({ running: false });
    }
  },
  dismiss: () => set({ problem: null }),
}));
