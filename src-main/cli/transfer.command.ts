import { existsSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { DuplicateAction, ExportFormat, type ImportPreview, type ImportReport } from '../../shared/transfer/transfer.schemas.ts';
import { closeDatabase, openDatabase } from '../core/db/database.ts';
import { migrateToLatest } from '../core/db/migrate.ts';
import { loadJsonExport } from '../core/transfer/json-export.ts';
import type { CommandIo } from './clv.command.ts';
import { call, CommandFailure, count, requireDatabase, runDataCommand, UsageError, withCore, type DataCommand } from './core-command.ts';

export const importUsage = `Usage: ambassador import FILE [--dry-run] [--duplicates create|merge|skip] [--data-dir DIR]

Imports contacts from a CSV file (Google Contacts, Outlook or any columns) or a
vCard file. A .json file made by ambassador export --format json is loaded
whole, into an empty data folder only. A contact with the same email or phone as one you have is skipped
unless --duplicates says to merge it or create it anyway. --dry-run changes
nothing and says what the import would do. Every row that is not imported is
listed with its line and reason.`;

export const exportUsage = `Usage: ambassador export --format csv|vcard|json --out FILE [--include-trash] [--force] [--data-dir DIR]

Writes your contacts to FILE: CSV (one row per contact), vCard 4.0, or JSON
(everything Ambassador holds). --include-trash adds the contacts in the Trash
(CSV and vCard). --force replaces FILE if it already exists.`;

type Duplicates = 'create' | 'merge' | 'skip';

function duplicatesOption(value: string | boolean | undefined): Duplicates {
  if (value === undefined) return 'skip';
  const parsed = DuplicateAction.safeParse(value);
  if (!parsed.success) throw new UsageError(`--duplicates is create, merge or skip, not “${String(value)}”.`);
  return parsed.data;
}

function existingFile(positionals: string[]): string {
  if (positionals.length !== 1) throw new UsageError('Say which one file to import.');
  const file = resolve(positionals[0]!);
  if (!existsSync(file)) throw new CommandFailure(`There is no file ${file}. Check the name and try again.`);
  return file;
}

const isJsonExport = (file: string) => extname(file).toLowerCase() === '.json';

/** A full JSON export goes into an empty data folder only, as it was: nothing is ever overwritten. */
async function loadJson(dataDir: string, file: string): Promise<string[]> {
  const opened = openDatabase(dataDir);
  try {
    await migrateToLatest(opened.db);
    const loaded = await loadJsonExport(opened.db, file);
    return [`Loaded ${count(loaded.contacts, 'contact', 'contacts')} and everything else in ${file} (${count(loaded.tables, 'table', 'tables')}) into ${dataDir}.`];
  } catch (error) {
    throw new CommandFailure((error as Error).message);
  } finally {
    await closeDatabase(opened);
  }
}

/** What a dry run would do, by the same rule the import follows: rows that cannot be read and duplicates left alone are skipped. */
export function dryRunLines(preview: ImportPreview, duplicates: Duplicates): string[] {
  const skipped = new Map<number, string>();
  for (const row of preview.invalid) skipped.set(row.line, row.reason);
  let merged = 0;
  for (const match of preview.duplicates) {
    if (skipped.has(match.line)) continue;
    if (duplicates === 'merge') merged++;
    else if (duplicates === 'skip') skipped.set(match.line, `same ${match.matchedBy} as ${match.existing.displayName} (${match.value})`);
  }
  const created = preview.totalRecords - skipped.size - merged;
  const lines = [`Would create ${created}, merge ${merged}, skip ${skipped.size} of ${count(preview.totalRecords, 'record', 'records')} in ${preview.file}. Nothing was changed.`];
  for (const [line, reason] of [...skipped].sort(([a], [b]) => a - b)) lines.push(`Line ${line}: skipped: ${reason}`);
  if (preview.photosSkipped > 0) lines.push(`${count(preview.photosSkipped, 'photo', 'photos')} would be left out.`);
  return lines;
}

/** The import's report: the counts, then every row that was not imported with its reason. */
export function reportLines(report: ImportReport): string[] {
  const lines = [`Created ${report.created}, merged ${report.merged}, skipped ${report.skipped} of ${count(report.total, 'record', 'records')} in ${report.file}.`];
  for (const row of report.rows) {
    if (row.outcome === 'skipped') lines.push(`Line ${row.line}: skipped${row.name ? ` ${row.name}` : ''}: ${row.reason ?? 'no reason given'}`);
  }
  if (report.photosSkipped > 0) lines.push(`${count(report.photosSkipped, 'photo was', 'photos were')} left out.`);
  if (report.blankLines > 0) lines.push(`${count(report.blankLines, 'blank line was', 'blank lines were')} passed over.`);
  if (report.created + report.merged > 0) lines.push('To take this import back, choose Undo import in the app.');
  return lines;
}

const importCommand: DataCommand = {
  usage: importUsage,
  options: { 'dry-run': { type: 'boolean', default: false }, duplicates: { type: 'string' } },
  run: async ({ values, positionals, dataDir }, io) => {
    const duplicates = duplicatesOption(values.duplicates);
    const file = existingFile(positionals);
    if (isJsonExport(file)) {
      if (values['dry-run']) throw new UsageError('A JSON export has no dry run: it loads only into an empty data folder, so it never changes data you have.');
      io.stdout(`${(await loadJson(dataDir, file)).join('\n')}\n`);
      return;
    }
    const lines = await withCore(dataDir, async (core) =>
      values['dry-run']
        ? dryRunLines(await call(core, 'transfer.previewImport', { file }), duplicates)
        : reportLines(await call(core, 'transfer.importContacts', { file, duplicates: { all: duplicates } })),
    );
    io.stdout(`${lines.join('\n')}\n`);
  },
};

const exportCommand: DataCommand = {
  usage: exportUsage,
  options: { format: { type: 'string' }, out: { type: 'string' }, 'include-trash': { type: 'boolean', default: false }, force: { type: 'boolean', default: false } },
  run: async ({ values, positionals, dataDir }, io) => {
    if (positionals.length > 0) throw new UsageError(`Say where to write with --out FILE, not “${positionals[0]}”.`);
    const format = ExportFormat.safeParse(values.format);
    if (!format.success) throw new UsageError(values.format === undefined ? 'Say which format: --format csv, vcard or json.' : `--format is csv, vcard or json, not “${String(values.format)}”.`);
    if (typeof values.out !== 'string' || values.out === '') throw new UsageError('Say which file to write with --out FILE.');
    const to = resolve(values.out);
    if (existsSync(to) && !values.force) throw new CommandFailure(`${to} already exists. Choose another name, or add --force to replace it.`);
    requireDatabase(dataDir, 'export');
    const exported = await withCore(dataDir, (core) => call(core, 'transfer.exportContacts', { format: format.data, to, includeTrash: values['include-trash'] === true }));
    io.stdout(`Exported ${count(exported.contacts, 'contact', 'contacts')} to ${exported.path}.\n`);
  },
};

/** `ambassador import FILE [--dry-run] [--duplicates …]`: the core's preview or import, reported row by row. */
export function runImportCommand(args: string[], io: CommandIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  return runDataCommand(importCommand, args, io, env);
}

/** `ambassador export --format … --out FILE`: the core writes the file. */
export function runExportCommand(args: string[], io: CommandIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  return runDataCommand(exportCommand, args, io, env);
}
