import { create } from 'zustand';
import type { PurchaseImportPreview, PurchaseImportReport, PurchaseReadOptions } from '../../../shared/commerce/purchase-import.schemas.ts';
import { api } from '../../api/api.ts';
import { apiErrorOf } from '../../api/client.ts';
import { files, inUserWords, type ChosenFile } from '../../api/files.ts';
import { latestAnswer } from '../../api/latest-answer.ts';
import type { Progress } from '../backup/ProgressBar.tsx';

/** How to read the file, as the user set it; what is left out the core detects. */
export type PurchaseReadChoices = Omit<PurchaseReadOptions, 'file'>;

/** Rows whose customer is not a contact: make a contact for each customer, or skip the rows and report them. */
export type UnmatchedChoice = 'create' | 'skip';

export type Undone = { removedPurchases: number; removedContacts: number; keptContacts: number };

type PurchaseImportState = {
  /** closed; reading the file for its preview; previewing (and re-previewing); importing; the report. */
  step: 'closed' | 'reading' | 'preview' | 'importing' | 'report';
  file: ChosenFile | null;
  choices: PurchaseReadChoices;
  preview: PurchaseImportPreview | null;
  /** A re-preview after a change is on its way. */
  previewing: boolean;
  unmatched: UnmatchedChoice;
  /** The settings' currency for the amounts; null until known (or when settings cannot be read). */
  currency: string | null;
  progress: Progress | null;
  report: PurchaseImportReport | null;
  /** What undoing this import did; set once it is undone. */
  undone: Undone | null;
  problem: string | null;
  choose: () => Promise<void>;
  /** Reads the file again with these changes (encoding, delimiter, header, date format, mapping). */
  change: (change: PurchaseReadChoices) => Promise<void>;
  chooseUnmatched: (unmatched: UnmatchedChoice) => void;
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
  unmatched: 'create' as const,
  progress: null,
  report: null,
  undone: null,
  problem: null,
};

/** Import purchases: choose a till or accounting export, see it as it will be saved, import, read the report, undo. */
export const usePurchaseImport = create<PurchaseImportState>()((set, get) => {
  const readPreview = async (file: ChosenFile, choices: PurchaseReadChoices) => {
    const stillLatest = previews.start();
    set({ previewing: true, problem: null });
    try {
      const preview = await api.invoke('purchases.previewImport', { file: file.path, ...choices });
      if (stillLatest()) set({ step: 'preview', preview, previewing: false });
    } catch (thrown) {
      if (stillLatest()) set({ step: 'preview', previewing: false, problem: inUserWords(apiErrorOf(thrown).message, file) });
    }
  };

  const loadCurrency = async () => {
    try {
      const { currency } = await api.invoke('settings.get', {});
      set({ currency });
    } catch {
      // Amounts then show as plain figures; nothing else depends on the currency.
    }
  };

  return {
    ...closed,
    currency: null,

    choose: async () => {
      try {
        const file = await files.chooseFileToOpen({ title: 'Import purchases', extensions: ['csv', 'txt', 'tsv'], typeName: 'Purchases (CSV or text)' });
        if (!file) return;
        set({ ...closed, step: 'reading', file });
        await Promise.all([readPreview(file, {}), loadCurrency()]);
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

    chooseUnmatched: (unmatched) => set({ unmatched }),

    start: async () => {
      const { file, choices, unmatched, step, previewing } = get();
      if (!file || step !== 'preview' || previewing) return;
      set({ step: 'importing', progress: null, problem: null });
      try {
        const report = await api.invoke('purchases.import', { file: file.path, ...choices, unmatched });
        set({ step: 'report', report, progress: null });
      } catch (thrown) {
        set({ step: 'preview', progress: null, problem: inUserWords(apiErrorOf(thrown).message, file) });
      }
    },

    undo: async () => {
      const { report, undone } = get();
      if (!report || undone) return;
      try {
        const { removedPurchases, removedContacts, keptContacts } = await api.invoke('purchases.undoImport', { batchId: report.batchId });
        set({ undone: { removedPurchases, removedContacts, keptContacts }, problem: null });
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
