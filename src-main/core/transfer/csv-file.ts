import type { ColumnMapping, CsvPreset } from '../../../shared/transfer/transfer.schemas.ts';
import { readCsvRows, type CsvRow } from './csv-reading.ts';
import { csvLayout, readCsvRecord } from './csv-mapping.ts';
import { detectPreset, presetMapping } from './csv-presets.ts';
import type { ContactRecord } from './contact-record.ts';

export type CsvReading = { columns: string[]; mapping: ColumnMapping[]; preset: CsvPreset | null; records: ContactRecord[] };

/** Without a header row: the first row's values say what each column holds. */
function guessMappingByValues(row: CsvRow | undefined): ColumnMapping[] {
  if (row === undefined) return [];
  let named = false;
  return row.fields.map((value, column): ColumnMapping => {
    const text = value.trim();
    if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text)) return { column, field: 'email' };
    if (/^\+?[\d\s().\-/]{6,}$/.test(text)) return { column, field: 'phone' };
    if (!named && /^\p{L}[\p{L}\s.'-]*$/u.test(text)) {
      named = true;
      return { column, field: 'fullName' };
    }
    return { column, field: 'skip' };
  });
}

export function readCsvText(text: string, delimiter: string, hasHeader: boolean, given: ColumnMapping[] | undefined): CsvReading {
  const rows = readCsvRows(text, delimiter);
  const header = hasHeader ? rows[0] : undefined;
  const body = header === undefined ? rows : rows.slice(1);
  const width = header?.fields.length ?? Math.max(0, ...body.slice(0, 50).map((row) => row.fields.length));
  // A header cell longer than any column name is damage; it is cut so it cannot slow every lookup.
  const columns = Array.from({ length: width }, (_, index) => header?.fields[index]?.trim().slice(0, 200) || `Column ${index + 1}`);
  const preset = header === undefined ? null : detectPreset(columns);
  const mapping = given ?? (preset === null ? guessMappingByValues(body[0]) : presetMapping(preset, columns));
  const layout = csvLayout(columns, mapping, preset, header !== undefined);
  const records = body.map((row) => readCsvRecord(row, layout));
  if (header?.broken === true) {
    records.unshift({ line: header.line, name: 'the header row', problem: `The header row cannot be read: ${header.damage ?? 'it is damaged'}.` });
  }
  return { columns, mapping, preset, records };
}
