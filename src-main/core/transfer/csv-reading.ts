/** One row of a CSV file as its fields, with the line it starts on and what is wrong with it. */
export type CsvRow = { line: number; fields: string[]; damage: string | null; broken: boolean };

const QUOTE = 34;
const LF = 10;
const CR = 13;

type Scanned = {
  fields: string[];
  /** Where the next row starts. */
  end: number;
  /** The line the next row starts on. */
  nextLine: number;
  damage: string | null;
  /** A quoted field that was never closed: the line its quote opened on. */
  unclosedFrom: number | null;
};

/** The index just past a line break at `at`, or -1 when there is none there. */
function lineBreakEnd(text: string, at: number): number {
  const code = text.charCodeAt(at);
  if (code === LF) return at + 1;
  if (code === CR) return text.charCodeAt(at + 1) === LF ? at + 2 : at + 1;
  return -1;
}

function scanRow(text: string, start: number, line: number, delimiter: number): Scanned {
  const fields: string[] = [];
  let damage: string | null = null;
  let position = start;
  let currentLine = line;
  for (;;) {
    let value = '';
    if (text.charCodeAt(position) === QUOTE) {
      const openedOn = currentLine;
      position += 1;
      let closed = false;
      let from = position;
      while (position < text.length) {
        const code = text.charCodeAt(position);
        if (code === QUOTE) {
          value += text.slice(from, position);
          if (text.charCodeAt(position + 1) === QUOTE) {
            value += '"';
            position += 2;
            from = position;
            continue;
          }
          position += 1;
          closed = true;
          break;
        }
        if (code === LF || (code === CR && text.charCodeAt(position + 1) !== LF)) currentLine += 1;
        position += 1;
      }
      if (!closed) return { fields, end: text.length, nextLine: currentLine, damage, unclosedFrom: openedOn };
      // Text after a closing quote ("ab"cd): keep it, as spreadsheets do, and say the row is damaged.
      from = position;
      while (position < text.length) {
        const code = text.charCodeAt(position);
        if (code === delimiter || code === LF || code === CR) break;
        position += 1;
      }
      if (position > from) {
        value += text.slice(from, position);
        damage ??= `a quote in the middle of a field on line ${currentLine}`;
      }
    } else {
      const from = position;
      while (position < text.length) {
        const code = text.charCodeAt(position);
        if (code === delimiter || code === LF || code === CR) break;
        position += 1;
      }
      value = text.slice(from, position);
    }
    fields.push(value);
    if (position >= text.length) return { fields, end: position, nextLine: currentLine + 1, damage, unclosedFrom: null };
    if (text.charCodeAt(position) === delimiter) {
      position += 1;
      continue;
    }
    return { fields, end: lineBreakEnd(text, position), nextLine: currentLine + 1, damage, unclosedFrom: null };
  }
}

/** Where line `line` (after `fromLine` at `from`) begins in the text. */
function startOfLine(text: string, from: number, fromLine: number, line: number): number {
  let position = from;
  for (let current = fromLine; current < line && position < text.length; current += 1) {
    let next = position;
    while (next < text.length && text.charCodeAt(next) !== LF && text.charCodeAt(next) !== CR) next += 1;
    position = next >= text.length ? text.length : lineBreakEnd(text, next);
  }
  return position;
}

/**
 * Every row of the text, blank lines left out. Quoted fields may hold delimiters, doubled quotes and
 * line breaks. A quote that is never closed, or a multi-line row whose quotes do not add up, would
 * swallow the rows after it: that row is reported damaged and reading starts again on its next line,
 * so one bad quote costs one row, not the rest of the file.
 *
 * Written by hand rather than with csv-parse: csv-parse 7 took about 2.4 s for 100,000 short rows,
 * and an import has 3 s for everything. test/core/transfer-files checks both agree on sound files.
 */
export function readCsvRows(text: string, delimiter: string, expectedFields?: number): CsvRow[] {
  const rows: CsvRow[] = [];
  eachCsvRow(text, delimiter, (row) => rows.push(row), expectedFields);
  return rows;
}

/**
 * readCsvRows one row at a time, so a large file's rows need not all be held at once.
 * Returns how many blank lines it passed over, so the report can say so.
 */
export function eachCsvRow(text: string, delimiter: string, onRow: (row: CsvRow) => void, expectedFields?: number): number {
  const separator = delimiter.charCodeAt(0);
  let position = 0;
  let line = 1;
  let expected = expectedFields;
  let nextLineFeed = text.indexOf('\n');
  let nextReturn = text.indexOf('\r');
  let blankLines = 0;
  while (position < text.length) {
    const breakEnd = lineBreakEnd(text, position);
    if (breakEnd !== -1) {
      position = breakEnd;
      line += 1;
      blankLines += 1;
      continue;
    }
    // Most rows hold no quote: split the line natively, which is several times faster. The next
    // line feed and carriage return are searched once each and reused, so a file of lone CRs (old
    // Mac) or of LFs alone is not searched to its end on every row.
    if (nextLineFeed !== -1 && nextLineFeed < position) nextLineFeed = text.indexOf('\n', position);
    if (nextReturn !== -1 && nextReturn < position) nextReturn = text.indexOf('\r', position);
    const lineEnd = Math.min(nextLineFeed === -1 ? text.length : nextLineFeed, nextReturn === -1 ? text.length : nextReturn);
    const plain = text.slice(position, lineEnd);
    if (!plain.includes('"')) {
      const fields = plain.split(delimiter);
      onRow({ line, fields, damage: null, broken: false });
      expected ??= fields.length;
      position = lineEnd >= text.length ? text.length : lineBreakEnd(text, lineEnd);
      line += 1;
      continue;
    }
    const row = scanRow(text, position, line, separator);
    const spansLines = row.nextLine - line > 1;
    const runaway =
      row.unclosedFrom !== null || (spansLines && (row.damage !== null || (expected !== undefined && row.fields.length !== expected)));
    if (runaway) {
      const resumeLine = (row.unclosedFrom ?? line) + 1;
      const why =
        row.unclosedFrom !== null
          ? `a quote opened on line ${row.unclosedFrom} is never closed`
          : `its quotes do not add up (the row runs on to line ${row.nextLine - 1})`;
      onRow({ line, fields: row.fields, damage: why, broken: true });
      position = startOfLine(text, position, line, resumeLine);
      line = resumeLine;
      continue;
    }
    onRow({ line, fields: row.fields, damage: row.damage, broken: false });
    expected ??= row.fields.length;
    position = row.end;
    line = row.nextLine;
  }
  return blankLines;
}
