import type { ColumnMapping, CsvPreset, ImportFormat, TextEncoding } from '../../../shared/transfer/transfer.schemas.ts';
import { decodeText } from './text-encoding.ts';
import { guessDelimiter } from './csv-delimiter.ts';
import { readCsvText } from './csv-file.ts';
import { readVcardText } from './vcard-reading.ts';
import type { ContactRecord } from './contact-record.ts';

export type { ContactRecord } from './contact-record.ts';
export { writeContactsCsv } from './csv-writing.ts';
export { writeContactsVcard } from './vcard-writing.ts';

/** An import file as read: how it was read, and every row or card in it. */
export type ContactFile = {
  format: ImportFormat;
  encoding: TextEncoding;
  delimiter: string | null;
  preset: CsvPreset | null;
  /** The CSV header (or "Column 1", …); empty for vCard. */
  columns: string[];
  /** The mapping used: the one given, the preset's, or a guess by column names. */
  mapping: ColumnMapping[];
  /** Every row or card in file order; blank CSV lines are not records. */
  records: ContactRecord[];
  photosSkipped: number;
  /** Empty lines between CSV rows: not records, but the report says how many were passed over. */
  blankLines: number;
};

export type ReadContactFileOptions = {
  fileName: string;
  format?: ImportFormat;
  encoding?: TextEncoding;
  delimiter?: string;
  hasHeader?: boolean;
  mapping?: ColumnMapping[];
};

function extensionOf(fileName: string): string {
  return /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';
}

/** vCard when the text starts with a card, or the name says so; CSV otherwise (a note may mention BEGIN:VCARD). */
function detectFormat(text: string, fileName: string): ImportFormat {
  if (/^\s*BEGIN:VCARD\s*$/im.test(text.slice(0, 200).split(/\r\n|\n|\r/).find((line) => line.trim() !== '') ?? '')) return 'vcard';
  return ['vcf', 'vcard'].includes(extensionOf(fileName)) ? 'vcard' : 'csv';
}

/** Reads a CSV or vCard file of contacts into records; nothing is written anywhere. */
export function readContactFile(bytes: Uint8Array, options: ReadContactFileOptions): ContactFile {
  const { text, encoding } = decodeText(bytes, options.encoding);
  const format = options.format ?? detectFormat(text, options.fileName);
  if (format === 'vcard') {
    const { records, photosSkipped } = readVcardText(text);
    return { format, encoding, delimiter: null, preset: null, columns: [], mapping: [], records, photosSkipped, blankLines: 0 };
  }
  const chosen = options.delimiter !== undefined && options.delimiter.length === 1 && !'"\r\n'.includes(options.delimiter) ? options.delimiter : undefined;
  const delimiter = chosen ?? guessDelimiter(text, extensionOf(options.fileName) === 'tsv' ? '\t' : ',');
  const { columns, mapping, preset, records, blankLines } = readCsvText(text, delimiter, options.hasHeader ?? true, options.mapping);
  const photosSkipped = records.filter((record) => 'leftOut' in record && record.leftOut.includes('photo skipped')).length;
  return { format, encoding, delimiter, preset, columns, mapping, records, photosSkipped, blankLines };
}
