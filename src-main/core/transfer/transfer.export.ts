import { basename, join } from 'node:path';
import type { ExportedFile, ExportFormat } from '../../../shared/transfer/transfer.schemas.ts';
import { allContacts } from '../contacts/contacts.service.ts';
import { nowOf, type CoreContext } from '../context.ts';
import { writeContactsCsv, writeContactsVcard } from './contact-file.ts';
import { writeFileWhole } from './export-file.ts';
import { buildJsonExport } from './json-export.ts';
import { databaseFolder } from './transfer.repository.ts';

const extensions: Record<ExportFormat, string> = { csv: 'csv', vcard: 'vcf', json: 'json' };

const two = (value: number) => String(value).padStart(2, '0');

/** `Ambassador-contacts-YYYY-MM-DD-HHMM.<ext>`, in local time, as the user reads their clock. */
export function exportFileName(at: number, format: ExportFormat): string {
  const date = new Date(at);
  const stamp = `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}-${two(date.getHours())}${two(date.getMinutes())}`;
  return `Ambassador-contacts-${stamp}.${extensions[format]}`;
}

/**
 * CSV and vCard hold the contacts (the Trash too when asked); JSON holds every
 * table. The file goes where the user chose, or to the exports folder beside
 * the data file.
 */
export async function exportContacts(ctx: CoreContext, input: { format: ExportFormat; to?: string | undefined; includeTrash: boolean }): Promise<ExportedFile> {
  const at = nowOf(ctx);
  const path = input.to ?? join(await databaseFolder(ctx.db), 'exports', exportFileName(at, input.format));
  let text: string;
  let contacts: number;
  if (input.format === 'json') {
    ({ text, contacts } = await buildJsonExport(ctx.db, new Date(at).toISOString()));
  } else {
    const all = await allContacts(ctx.db, input.includeTrash);
    text = input.format === 'csv' ? writeContactsCsv(all) : writeContactsVcard(all);
    contacts = all.length;
  }
  const sizeBytes = writeFileWhole(path, text, { makeFolder: input.to === undefined });
  return { path, fileName: basename(path), format: input.format, contacts, sizeBytes };
}
