import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { guessDelimiter } from '../../../src-main/core/transfer/csv-delimiter.ts';
import { readCsvRows } from '../../../src-main/core/transfer/csv-reading.ts';
import { decodeText } from '../../../src-main/core/transfer/text-encoding.ts';
import { fixtureBytes } from './read.ts';

const rowsOf = (text: string, delimiter = ',') => readCsvRows(text, delimiter).map(({ line, fields, damage, broken }) => ({ line, fields, damage, broken }));

describe('reading CSV rows', () => {
  it('reads quoted delimiters, doubled quotes, quoted line breaks and CRLF, each row with the line it starts on', () => {
    const text = 'Name,Address,Notes\r\n"Lovelace, Ada","12 St James\'s Square\r\nLondon","said ""hello"""\r\nBabbage,,\r\n';
    expect(rowsOf(text)).toEqual([
      { line: 1, fields: ['Name', 'Address', 'Notes'], damage: null, broken: false },
      { line: 2, fields: ['Lovelace, Ada', "12 St James's Square\r\nLondon", 'said "hello"'], damage: null, broken: false },
      { line: 4, fields: ['Babbage', '', ''], damage: null, broken: false },
    ]);
  });

  it('skips blank lines without counting them as rows, and counts a lone CR as a line break', () => {
    const rows = rowsOf('a,b\n\n1,2\r\r3,4\r\n\r\n');
    expect(rows.map((row) => [row.line, row.fields])).toEqual([
      [1, ['a', 'b']],
      [3, ['1', '2']],
      [5, ['3', '4']],
    ]);
  });

  it('keeps ragged rows as they are: fewer and more fields than the header', () => {
    expect(rowsOf('a,b,c\n1\n1,2,3,4,5\n').map((row) => row.fields)).toEqual([['a', 'b', 'c'], ['1'], ['1', '2', '3', '4', '5']]);
  });

  it('keeps a quote in the middle of a field and says the row is damaged', () => {
    const [, row] = rowsOf('a,b\n"Ada" Lovelace,x\n');
    expect(row).toEqual({ line: 2, fields: ['Ada Lovelace', 'x'], damage: 'a quote in the middle of a field on line 2', broken: false });
    expect(rowsOf('a,b\nAda "the Countess" Lovelace,x\n')[1]).toMatchObject({ fields: ['Ada "the Countess" Lovelace', 'x'], damage: null });
  });

  it('costs one row, not the rest of the file, for a quote that is never closed', () => {
    const rows = rowsOf('a,b\n1,"never closed\n2,two\n3,three\n');
    expect(rows.map((row) => [row.line, row.broken, row.damage])).toEqual([
      [1, false, null],
      [2, true, 'a quote opened on line 2 is never closed'],
      [3, false, null],
      [4, false, null],
    ]);
    expect(rows[3]?.fields).toEqual(['3', 'three']);
  });

  it('costs one row for a stray quote that swallows the lines after it until another quote', () => {
    const rows = rowsOf('a,b,c\n1,"stray,x\n2,two,y\n3,"three",z\n4,four,w\n');
    expect(rows.map((row) => [row.line, row.broken])).toEqual([
      [1, false],
      [2, true],
      [3, false],
      [4, false],
      [5, false],
    ]);
    expect(rows.map((row) => row.fields)).toContainEqual(['3', 'three', 'z']);
  });

  it('agrees with csv-parse on every sound fixture and on generated sound files', () => {
    const sound = [
      decodeText(fixtureBytes('google-contacts.csv')).text,
      decodeText(fixtureBytes('google-contacts-legacy.csv')).text,
      decodeText(fixtureBytes('utf-16le-with-bom.csv')).text,
    ];
    const outlook = decodeText(fixtureBytes('outlook-contacts-windows-1252.csv')).text;
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const pieces = ['Ada', ' ', ',', '"', '\n', '\r\n', 'é', '€', ';', "'", '=1', ''];
    for (let file = 0; file < 200; file += 1) {
      const rows = Array.from({ length: 1 + Math.floor(random() * 6) }, () =>
        Array.from({ length: 3 }, () => {
          const value = Array.from({ length: Math.floor(random() * 4) }, () => pieces[Math.floor(random() * pieces.length)]).join('');
          return /[",\r\n]/.test(value) || value === '' ? `"${value.replaceAll('"', '""')}"` : value;
        }).join(','),
      );
      sound.push(rows.join(random() < 0.5 ? '\n' : '\r\n'));
    }
    for (const text of sound) {
      const theirs = parse(text, { relax_column_count: true, skip_empty_lines: true }) as string[][];
      expect(readCsvRows(text, ',').map((row) => row.fields)).toEqual(theirs);
    }
    expect(readCsvRows(outlook, ';').map((row) => row.fields)).toEqual(parse(outlook, { delimiter: ';', relax_column_count: true }));
  });
});

describe('guessing the delimiter', () => {
  it('finds comma, semicolon, tab and pipe from the first lines', () => {
    expect(guessDelimiter('Name,Email\nAda,ada@example.com\n')).toBe(',');
    expect(guessDelimiter('Name;Street;City\n"Ada";"12, Square";"London"\n"Bob";"3, Road, West";"Leeds"\n')).toBe(';');
    expect(guessDelimiter('Name\tEmail\nAda, Countess\tada@example.com\n')).toBe('\t');
    expect(guessDelimiter('Name|Email|Phone\nAda|ada@example.com|+44 1\n')).toBe('|');
  });

  it('does not count delimiters inside quotes, and falls back when the file has one column', () => {
    expect(guessDelimiter('"Name, full";Email\n"Lovelace, Ada";ada@example.com\n')).toBe(';');
    expect(guessDelimiter('Email\nada@example.com\n')).toBe(',');
    expect(guessDelimiter('Email\nada@example.com\n', '\t')).toBe('\t');
  });

  it('reads the Outlook fixture as ; though its notes and names hold commas', () => {
    expect(guessDelimiter(decodeText(fixtureBytes('outlook-contacts-windows-1252.csv')).text)).toBe(';');
  });
});
