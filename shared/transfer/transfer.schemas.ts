import { z } from 'zod';
import { Contact } from '../contacts/contacts.schemas.ts';

const FilePath = z.string().trim().min(1, { error: 'Choose a file.' }).max(4096, { error: 'That path is too long.' });

export const ImportFormat = z.enum(['csv', 'vcard'], { error: 'Choose CSV or vCard.' });
export type ImportFormat = z.infer<typeof ImportFormat>;

export const TextEncoding = z.enum(['utf-8', 'utf-16le', 'utf-16be', 'windows-1252'], { error: 'Choose UTF-8, UTF-16 or Windows-1252.' });
export type TextEncoding = z.infer<typeof TextEncoding>;

/** Known exports whose columns Ambassador maps by itself. */
export const CsvPreset = z.enum(['google', 'outlook', 'ambassador', 'generic']);
export type CsvPreset = z.infer<typeof CsvPreset>;

/** Where a CSV column's value goes; several columns may feed emails, phones, tags and notes. */
export const ImportField = z.enum([
  'skip',
  'fullName',
  'firstName',
  'lastName',
  'company',
  'kind',
  'email',
  'phone',
  'street',
  'city',
  'region',
  'postalCode',
  'country',
  'birthday',
  'notes',
  'tags',
  'preferredChannel',
  'preferredTime',
  'keepInTouchDays',
]);
export type ImportField = z.infer<typeof ImportField>;

export const ColumnMapping = z.object({
  /** 0-based column index in the file. */
  column: z.number().int().min(0),
  field: ImportField,
  /** The label an email or phone gets (work, home, mobile…). */
  label: z.string().trim().max(40).optional(),
});
export type ColumnMapping = z.infer<typeof ColumnMapping>;

export const DuplicateAction = z.enum(['create', 'merge', 'skip'], { error: 'Choose create, merge or skip.' });
export type DuplicateAction = z.infer<typeof DuplicateAction>;

/** How to read the file; what is left out is detected. */
export const ReadOptions = z.object({
  file: FilePath,
  format: ImportFormat.optional(),
  encoding: TextEncoding.optional(),
  /** CSV only: one character; detected from the first lines when left out. */
  delimiter: z.string().length(1, { error: 'The delimiter is one character.' }).optional(),
  /** CSV only: the first row names the columns (true when left out). */
  hasHeader: z.boolean().optional(),
  /** CSV only: the mapping the user set; the preset's (or a guess by column names) when left out. */
  mapping: z.array(ColumnMapping).max(500).optional(),
});
export type ReadOptions = z.infer<typeof ReadOptions>;

/** An existing contact an incoming row matches. */
export const DuplicateMatch = z.object({
  /** 1-based line in the file where the row or card starts. */
  line: z.number().int(),
  incomingName: z.string(),
  existing: z.object({ id: z.string(), displayName: z.string() }),
  matchedBy: z.enum(['email', 'phone']),
  /** The normalized email or phone digits both share. */
  value: z.string(),
  /** Set when the row repeats an earlier row of the same file (then `existing.id` is empty: that contact is not saved yet). */
  earlierLine: z.number().int().optional(),
});
export type DuplicateMatch = z.infer<typeof DuplicateMatch>;

/** A row as it will be saved, or why it cannot be. */
export const PreviewRow = z.object({
  line: z.number().int(),
  /** What would be saved (the contact form's fields), or null when the row would be skipped. */
  contact: Contact.pick({
    kind: true,
    firstName: true,
    lastName: true,
    company: true,
    emails: true,
    phones: true,
    address: true,
    birthday: true,
    notes: true,
    tags: true,
  }).nullable(),
  /** Why it would be skipped, or what was left out of it (e.g. "photo skipped"). */
  problems: z.array(z.string()),
});
export type PreviewRow = z.infer<typeof PreviewRow>;

export const ImportPreview = z.object({
  file: z.string(),
  format: ImportFormat,
  encoding: TextEncoding,
  /** CSV only. */
  delimiter: z.string().nullable(),
  preset: CsvPreset.nullable(),
  /** CSV: the header row (or "Column 1"… without one); vCard: empty. */
  columns: z.array(z.string()),
  mapping: z.array(ColumnMapping),
  /** Rows (CSV) or cards (vCard) in the file. */
  totalRecords: z.number().int(),
  /** The first rows as they will be saved. */
  sample: z.array(PreviewRow),
  /** Rows that would be skipped, with the reason (all of them, in file order). */
  invalid: z.array(z.object({ line: z.number().int(), reason: z.string() })),
  duplicates: z.array(DuplicateMatch),
  photosSkipped: z.number().int(),
  /** Empty lines between CSV rows, passed over (not records) and said so. */
  blankLines: z.number().int(),
});
export type ImportPreview = z.infer<typeof ImportPreview>;

export const ImportContacts = ReadOptions.extend({
  duplicates: z
    .object({
      /** What to do with every row that matches an existing contact… */
      all: DuplicateAction.default('skip'),
      /** …unless the user chose otherwise for its line (keys are line numbers). */
      byLine: z.record(z.string().regex(/^\d+$/), DuplicateAction).default({}),
    })
    .prefault({}),
  /** A tag put on every contact this import creates or merges into (e.g. "Imported 2026-12-02"). */
  tag: z.string().trim().max(40).optional(),
});
export type ImportContacts = z.output<typeof ImportContacts>;

export const ImportOutcome = z.enum(['created', 'merged', 'skipped']);

export const ImportReport = z.object({
  batchId: z.string(),
  file: z.string(),
  format: ImportFormat,
  /** Rows or cards read; always created + merged + skipped. */
  total: z.number().int(),
  created: z.number().int(),
  merged: z.number().int(),
  skipped: z.number().int(),
  photosSkipped: z.number().int(),
  blankLines: z.number().int(),
  /** Every row or card, in file order: what became of it and why. */
  rows: z.array(
    z.object({
      line: z.number().int(),
      outcome: ImportOutcome,
      name: z.string(),
      /** The contact created or merged into. */
      contactId: z.string().nullable(),
      /** Why it was skipped or merged (e.g. "same email as Ada Lovelace"); null for a plain create. */
      reason: z.string().nullable(),
    }),
  ),
});
export type ImportReport = z.infer<typeof ImportReport>;

export const ImportBatch = z.object({
  batchId: z.string(),
  fileName: z.string(),
  importedAt: z.string(),
  created: z.number().int(),
  merged: z.number().int(),
  skipped: z.number().int(),
  undoneAt: z.string().nullable(),
});
export type ImportBatch = z.infer<typeof ImportBatch>;

export const UndoImport = z.object({ batchId: z.string().min(1, { error: 'Say which import to undo.' }) });
export const UndoneImport = z.object({
  batchId: z.string(),
  /** Contacts the import created, now gone. */
  removed: z.number().int(),
  /** Contacts the import merged into, back as they were. */
  restored: z.number().int(),
});

export const ExportFormat = z.enum(['csv', 'vcard', 'json'], { error: 'Choose CSV, vCard or JSON.' });
export type ExportFormat = z.infer<typeof ExportFormat>;

export const ExportContacts = z.object({
  format: ExportFormat,
  /** A file the user chose (Electron's save dialog, the CLI); the exports folder inside the data folder when left out. */
  to: FilePath.optional(),
  /** Contacts in the Trash too (CSV and vCard); the JSON export always holds everything. */
  includeTrash: z.boolean().default(false),
});

export const ExportedFile = z.object({
  path: z.string(),
  fileName: z.string(),
  format: ExportFormat,
  /** Contacts written (JSON: every table's rows are in the file; this counts contacts). */
  contacts: z.number().int(),
  sizeBytes: z.number().int(),
});
export type ExportedFile = z.infer<typeof ExportedFile>;
