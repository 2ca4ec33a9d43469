import { create } from 'zustand';
import type { DuplicateAction, ImportPreview, ImportReport, ReadOptions } from '../../../shared/transfer/transfer.schemas.ts';
import { api } from '../../api/api.ts';
import { apiErrorOf } from '../../api/client.ts';
import { files, inUserWords, type ChosenFile } from '../../api/files.ts';
import { latestAnswer } from '../../api/latest-answer.ts';
import type { Progress } from '../backup/ProgressBar.tsx';

/** How to read the file, as the user set it; what is left out the core detects. */
export type ReadChoices = Omit<ReadOptions, 'file'>;

type ImportState = {
  /** closed; reading the file for its preview; previewing (and re-previewing); importing; the report. */
  step: 'closed' | 'reading' | 'preview' | 'importing' | 'report';
  file: ChosenFile | null;
  choices: ReadChoices;
  preview: ImportPreview | null;
  /** A re-preview after a change is on its way. */
  previewing: boolean;
  duplicates: { all: DuplicateAction; byLine: Record<string, DuplicateAction> };
  progress: Progress | null;
  report: ImportReport | null;
  /** What undoing this import did; set once it is undone. */
  undone: { removed: number; restored: number } | null;
  problem: string | null;
  choose: () => Promise<void>;
  /** Reads the file again with these changes (encoding, delimiter, header, mapping). */
  change: (change: ReadChoices) => Promise<void>;
  chooseForAll: (action: DuplicateAction) => void;
  chooseForLine: (line: number, action: DuplicateAction) => void;
  start: () => Promise<void>;
  undo: () => Promise<void>;
  close: () => void;
};

/** Each preview starts a request: a quick second change wins over a slow first one. */
const previews = latestAnswer();

const closed = {
  step: 'closed' as const,
  file: null,
  choices: {},
  preview: null,
  previewing: false,
  duplicates: { all: 'skip' as const, byLine: {} },
  progress: null,
  report: null,
  undone: null,
  problem: null,
};

/** Import contacts: choose a file, see it as it will be saved, decide duplicates, import, read the report, undo. */
export const useImport = create<ImportState>()((set, get) => {
  const readPreview = async (file: ChosenFile, choices: ReadChoices) => {
    const stillLatest = previews.start();
    set({ previewing: true, problem: null });
    try {
      const preview = await api.invoke('transfer.previewImport', { file: file.path, ...choices });
      if (stillLatest()) set({ step: 'preview', preview, previewing: false });
    } catch (thrown) {
      if (stillLatest()) set({ step: 'preview', previewing: false, problem: inUserWords(apiErrorOf(thrown).message, file) });
    }
  };

  return {
    ...closed,

    choose: async () => {
      try {
        const file = await files.chooseFileToOpen({ title: 'Import contacts', extensions: ['csv', 'vcf', 'vcard', 'txt'], typeName: 'Contacts (CSV or vCard)' });
        if (!file) return;
        set({ ...closed, step: 'reading', file });
        await readPreview(file, {});
      } catch (thrown) {
        set({ ...closed, step: 'preview', problem: apiErrorOf(thrown).message });
      }
    },

    change: async (change) => {
      const { file, choices } = get();
      if (!file) return;
      // Another encoding, delimiter or header row can change the columns: the core maps them afresh.
      const rereads = 'encoding' in change || 'delimiter' in change || 'hasHeader' in change;
      const next = { ...choices, ...change, ...(rereads ? { mapping: undefined } : {}) };
      set({ choices: next });
      await readPreview(file, next);
    },

    chooseForAll: (all) => set({ duplicates: { all, byLine: {} } }),
    chooseForLine: (line, action) => set((state) => ({ duplicates: { ...state.duplicates, byLine: { ...state.duplicates.byLine, [String(line)]: action } } })),

    start: async () => {
      const { file, choices, duplicates, step, previewing } = get();
      if (!file || step !== 'preview' || previewing) return;
      set({ step: 'importing', progress: null, problem: null });
      try {
        const report = await api.invoke('transfer.importContacts', { file: file.path, ...choices, duplicates });
        set({ step: 'report', report, progress: null });
      } catch (thrown) {
        set({ step: 'preview', progress: null, problem: apiErrorOf(thrown).message });
      }
    },

    undo: async () => {
      const { report, undone } = get();
      if (!report || undone) return;
      try {
        const { removed, restored } = await api.invoke('transfer.undoImport', { batchId: report.batchId });
        set({ undone: { removed, restored }, problem: null });
      } catch (thrown) {
        set({ problem: apiErrorOf(thrown).message });
      }
    },

    close: () => {
      if (get().step === 'importing') return;
      previews.drop();
      set(closed);
    },
  };
});
