import type { ColumnMapping, CsvPreset } from '../../../shared/transfer/transfer.schemas.ts';
import { eachCsvRow, type CsvRow } from './csv-reading.ts';
import { csvLayout, readCsvRecord, type CsvLayout } from './csv-mapping.ts';
import { detectPreset, presetMapping } from './csv-presets.ts';
import type { ContactRecord } from './contact-record.ts';

export type CsvReading = { columns: string[]; mapping: ColumnMapping[]; preset: CsvPreset | null; records: ContactRecord[]; blankLines: number };

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

function columnsOf(header: CsvRow | undefined, width: number): string[] {
  // A header cell longer than any column name is damage; it is cut so it cannot slow every lookup.
  return Array.from({ length: width }, (_, index) => header?.fields[index]?.trim().slice(0, 200) || `Column ${index + 1}`);
}

function readWithHeader(text: string, delimiter: string, given: ColumnMapping[] | undefined): CsvReading {
  const records: ContactRecord[] = [];
  let reading: Omit<CsvReading, 'blankLines'> | null = null;
  let layout: CsvLayout | null = null;
  // Each row becomes its record as soon as it is read: 100,000 rows of fields are never all held at once.
  const blankLines = eachCsvRow(text, delimiter, (row) => {
    if (layout !== null) {
      records.push(readCsvRecord(row, layout));
      return;
    }
    const columns = columnsOf(row, row.fields.length);
    const preset = detectPreset(columns);
    const mapping = given ?? presetMapping(preset, columns);
    layout = csvLayout(columns, mapping, preset, true);
    reading = { columns, mapping, preset, records };
    if (row.broken) records.push({ line: row.line, name: 'the header row', problem: `The header row cannot be read: ${row.damage ?? 'it is damaged'}.` });
  });
  return { ...(reading ?? { columns: [], mapping: given ?? [], preset: null, records }), blankLines };
}

export function readCsvText(text: string, delimiter: string, hasHeader: boolean, given: ColumnMapping[] | undefined): CsvReading {
  if (hasHeader) return readWithHeader(text, delimiter, given);
  const rows: CsvRow[] = [];
  const blankLines = eachCsvRow(text, delimiter, (row) => rows.push(row));
  const columns = columnsOf(undefined, Math.max(0, ...rows.slice(0, 50).map((row) => row.fields.length)));
  const mapping = given ?? guessMappingByValues(rows[0]);
  const layout = csvLayout(columns, mapping, null, false);
  return { columns, mapping, preset: null, records: rows.map((row) => readCsvRecord(row, layout)), blankLines };
}
