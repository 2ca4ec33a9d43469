import Sqlite from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CoreEvent } from '../../shared/api/events.ts';
import type { DispatchResult } from '../../shared/api/result.ts';
import type { Contact } from '../../shared/contacts/contacts.schemas.ts';
import type { ImportPreview, ImportReport } from '../../shared/transfer/transfer.schemas.ts';
import { createCore, type Core } from '../../src-main/core/core.ts';
import { makeTempDataDir } from '../helpers/temp-data-dir.ts';

/** A CSV file's text from rows of cells (quoted where needed), as a spreadsheet writes it. */
export function csvOf(rows: string[][]): string {
  const cell = (value: string) => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  return rows.map((row) => row.map(cell).join(',')).join('\n') + '\n';
}

export const header = ['First Name', 'Last Name', 'Company', 'Email', 'Phone', 'Notes', 'Tags'];

/**
 * A real core on a real database file in a temp folder, on a fixed clock, with
 * what it published and typed shortcuts for the transfer and duplicates calls.
 */
export async function openTransferCore(options: { now?: number; data?: { dir: string; remove: () => void } } = {}) {
  const data = options.data ?? makeTempDataDir('ambassador-transfer-');
  const now = options.now ?? Date.parse('2026-12-02T10:30:00.000Z');
  const core: Core = await createCore({ dataDir: data.dir, checkOutputs: true, clock: { now: () => now } });
  const events: CoreEvent[] = [];
  core.onEvent((event) => events.push(event));
  const value = <T>(result: DispatchResult): T => {
    if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result.error)}`);
    return result.value as T;
  };
  const call = (method: string, input: unknown) => core.dispatch(method, input);
  let files = 0;
  return {
    core,
    dir: data.dir,
    events,
    call,
    value,
    /** Writes a file into the test's folder and returns its path. */
    file: (text: string | Uint8Array, name = `contacts-${(files += 1)}.csv`) => {
      const path = join(data.dir, name);
      writeFileSync(path, text);
      return path;
    },
    create: async (input: unknown) => value<Contact>(await call('contacts.create', input)),
    get: async (id: string) => value<Contact>(await call('contacts.get', { id })),
    preview: async (input: object) => value<ImportPreview>(await call('transfer.previewImport', input)),
    import: async (input: object) => value<ImportReport>(await call('transfer.importContacts', input)),
    refusal: async (method: string, input: unknown) => {
      const result = await call(method, input);
      if (result.ok) throw new Error(`expected ${method} to be refused`);
      return result.error;
    },
    /** Reads the database file beside the core (WAL lets a reader in while the core writes). */
    raw: <T>(query: string, ...params: unknown[]): T[] => {
      const sqlite = new Sqlite(core.databaseFile, { readonly: true });
      try {
        return sqlite.prepare(query).all(...params) as T[];
      } finally {
        sqlite.close();
      }
    },
    close: async () => {
      await core.close();
      data.remove();
    },
  };
}
export type TransferCore = Awaited<ReturnType<typeof openTransferCore>>;
