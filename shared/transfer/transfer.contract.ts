import { z } from 'zod';
import type { ContractSlice } from '../api/slices.ts';
import { ExportContacts, ExportedFile, ImportBatch, ImportContacts, ImportPreview, ImportReport, ReadOptions, UndoImport, UndoneImport } from './transfer.schemas.ts';

/** Moving contacts in and out: CSV and vCard import with a preview, export to CSV, vCard and JSON. */
export const transferContract = {
  'transfer.previewImport': { input: ReadOptions, output: ImportPreview },
  'transfer.importContacts': { input: ImportContacts, output: ImportReport },
  'transfer.imports': { input: z.object({}), output: z.array(ImportBatch) },
  'transfer.undoImport': { input: UndoImport, output: UndoneImport },
  'transfer.exportContacts': { input: ExportContacts, output: ExportedFile },
} as const satisfies ContractSlice;
