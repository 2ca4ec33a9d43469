import { readFileSync } from 'node:fs';
import { AppError } from '../../../shared/api/errors.ts';
import { JsonExport, jsonExportFormat, jsonExportVersion } from '../../../shared/transfer/json-export.schema.ts';
import { rebuildContactSearchIn } from '../contacts/contacts.service.ts';
import type { Db } from '../db/handle.ts';
import { mutate } from '../db/mutation.ts';
import { rebuildHistorySearchIn } from '../history/history.service.ts';
import { columnsOf, countRows, dataTables, deferReferences, latestMigration, readRows, writeRows } from './json-export.repository.ts';

// The full JSON export (its shape: shared/transfer/json-export.schema.ts and
// json-export.md). Generic over the tables: a table a later migration adds is in
// the export, and loaded back, without a change here.

/**
 * Every data table, written one row per line so a large export stays readable
 * and diffs well; the same data always gives the same bytes.
 */
export async function buildJsonExport(db: Db, exportedAt: string): Promise<{ text: string; contacts: number }> {
  const header = { format: jsonExportFormat, version: jsonExportVersion, schemaVersion: await latestMigration(db), exportedAt };
  const parts: string[] = [];
  let contacts = 0;
  for (const table of await dataTables(db)) {
    const columns = await columnsOf(db, table);
    const rows = await readRows(db, table, columns);
    if (table === 'contacts') contacts = rows.length;
    const body = rows.length === 0 ? '[]' : `[\n${rows.map((row) => `        ${JSON.stringify(row)}`).join(',\n')}\n      ]`;
    parts.push(`    ${JSON.stringify(table)}: {\n      "columns": ${JSON.stringify(columns)},\n      "rows": ${body}\n    }`);
  }
  const head = Object.entries(header).map(([key, value]) => `  ${JSON.stringify(key)}: ${JSON.stringify(value)},`);
  return { text: `{\n${head.join('\n')}\n  "tables": {\n${parts.join(',\n')}\n  }\n}\n`, contacts };
}

const refuse = (message: string) => new AppError('VALIDATION', message);

function parseExport(file: string): JsonExport {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw refuse(`Ambassador cannot read ${file}: ${error instanceof Error ? error.message : String(error)}.`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw refuse(`${file} is not an Ambassador JSON export: it is not JSON (the file may be cut short).`);
  }
  const parsed = JsonExport.safeParse(json);
  if (!parsed.success) throw refuse(`${file} is not an Ambassador JSON export: ${parsed.error.issues[0]?.message ?? 'its shape is wrong'}.`);
  return parsed.data;
}

/**
 * Loads a full JSON export into an empty database (the CLI's `import FILE.json`),
 * in one transaction: every table's rows as they were, then the search indexes
 * built from them. Refuses a database that already holds data (nothing is ever
 * overwritten), an export from a newer Ambassador, and one of another database
 * version.
 */
export async function loadJsonExport(db: Db, file: string): Promise<{ contacts: number; tables: number }> {
  const data = parseExport(file);
  if (data.version > jsonExportVersion) throw refuse(`${file} was made by a newer Ambassador: update Ambassador first, then load it.`);
  const schemaVersion = await latestMigration(db);
  if (data.schemaVersion !== schemaVersion) {
    throw refuse(`${file} was made by an Ambassador whose data is at version ${data.schemaVersion}; this one is at ${schemaVersion}. Load it with the same version of Ambassador.`);
  }
  const tables = await dataTables(db);
  for (const [table, { columns }] of Object.entries(data.tables)) {
    if (!tables.includes(table)) throw refuse(`${file} holds a table Ambassador does not have (${table}); it was not made by this version.`);
    const known = await columnsOf(db, table);
    const unknown = columns.filter((column) => !known.includes(column));
    if (unknown.length > 0) throw refuse(`${file} holds columns Ambassador does not have (${table}: ${unknown.join(', ')}).`);
  }
  for (const table of tables) {
    if ((await countRows(db, table)) > 0) {
      throw refuse('This data folder already holds data: a JSON export loads only into an empty one, so nothing is overwritten. Choose a new data folder (--data-dir) and load it there.');
    }
  }
  try {
    await mutate(
      { db, publish: () => {} },
      {
        run: async (tx) => {
          await deferReferences(tx);
          for (const [table, { columns, rows }] of Object.entries(data.tables)) await writeRows(tx, table, columns, rows);
          await rebuildContactSearchIn(tx);
          await rebuildHistorySearchIn(tx);
        },
        changed: () => [],
      },
    );
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    if (typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT')) {
      throw refuse(`${file} does not fit together (${(error as Error).message}); it may have been edited by hand. Nothing was loaded.`);
    }
    throw error;
  }
  return { contacts: data.tables.contacts?.rows.length ?? 0, tables: Object.keys(data.tables).length };
}
