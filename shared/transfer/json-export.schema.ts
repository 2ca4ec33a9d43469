import { z } from 'zod';

/**
 * The full JSON export: every table of the database, as rows of values in the
 * order of its columns. Described for people in json-export.md beside this file.
 * Bump the version when the shape of this envelope changes; the tables inside
 * follow the database's own schema, named by `schemaVersion`.
 */
export const jsonExportFormat = 'ambassador-export';
export const jsonExportVersion = 1;

/** What SQLite stores that Ambassador uses: text, numbers, nothing. */
export const SqlValue = z.union([z.string(), z.number(), z.null()]);

export const JsonExportTable = z
  .object({
    columns: z.array(z.string().min(1)).min(1),
    rows: z.array(z.array(SqlValue)),
  })
  .refine((table) => table.rows.every((row) => row.length === table.columns.length), { error: 'Every row has one value per column.' });
export type JsonExportTable = z.infer<typeof JsonExportTable>;

export const JsonExport = z.object({
  format: z.literal(jsonExportFormat),
  version: z.number().int().min(1),
  /** The last database migration applied when it was made, e.g. "0006_record_imports_and_merges". */
  schemaVersion: z.string().min(1),
  exportedAt: z.string(),
  /** Every table by name, search indexes and bookkeeping left out (they are rebuilt). */
  tables: z.record(z.string(), JsonExportTable),
});
export type JsonExport = z.infer<typeof JsonExport>;
