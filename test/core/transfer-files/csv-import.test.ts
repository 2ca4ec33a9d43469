import { describe, expect, it } from 'vitest';
import { ContactFields } from '../../../shared/contacts/contacts.schemas.ts';
import { problemOf, readable, readFixture, readText } from './read.ts';

describe('reading Google Contacts exports', () => {
  it('reads the current export: labels, the primary marked "* ", Labels as tags without myContacts, the first address, photo counted', () => {
    const file = readFixture('google-contacts.csv');
    expect(file).toMatchObject({ format: 'csv', encoding: 'utf-8', delimiter: ',', preset: 'google', photosSkipped: 1 });
    expect(file.records.map((record) => record.line)).toEqual([2, 6, 7, 8]);
    const ada = readable(file.records[0]);
    expect(ada.name).toBe('Ada Lovelace');
    expect(ContactFields.parse(ada.fields)).toMatchObject({
      kind: 'person',
      firstName: 'Ada',
      lastName: 'Lovelace',
      company: 'Analytical Engines Ltd',
      birthday: '1815-12-10',
      notes: 'Met at the "Difference Engine" demo, wants a follow-up.',
      tags: ['Friends', 'Clients'],
      emails: [
        { label: 'work', value: 'ada@engines.example', primary: true },
        { label: 'home', value: 'ada.lovelace@mail.example', primary: false },
      ],
      phones: [
        { label: 'mobile', value: '+44 20 7946 0101', primary: true },
        { label: 'work', value: '+44 20 7946 0199', primary: false },
      ],
      address: { street: "12 St James's Square", city: 'London', region: '', postalCode: 'SW1Y 4JH', country: 'GB' },
    });
    expect(ada.leftOut).toEqual(['Organization Title “Countess” left out', '2nd address skipped', 'photo skipped']);
    expect(readable(file.records[1]).fields).toMatchObject({ firstName: 'Émile', birthday: '--04-15', emails: [{ label: 'other', primary: true }] });
    expect(readable(file.records[2]).fields).toMatchObject({ kind: 'company', company: 'Harbour Coffee Roasters', tags: ['Suppliers'] });
    const grace = readable(file.records[3]);
    expect(grace.fields.phones).toBeUndefined();
    expect(grace.fields.notes).toBe('Line one\nLine two');
  });

  it('reads the older export: Name, Given Name, Family Name, "- Type" labels, Group Membership, several numbers in one cell', () => {
    const file = readFixture('google-contacts-legacy.csv');
    expect(file.preset).toBe('google');
    const ada = readable(file.records[0]);
    expect(ada.fields).toMatchObject({
      firstName: 'Ada',
      lastName: 'Lovelace',
      company: 'Analytical Engines Ltd',
      tags: ['Friends'],
      phones: [
        { label: 'mobile', value: '+44 20 7946 0101' },
        { label: 'mobile', value: '+44 20 7946 0102' },
      ],
    });
    expect(readable(file.records[1]).fields).toMatchObject({ firstName: 'Charles', lastName: 'Babbage', birthday: '--12-26' });
  });
});

describe('reading an Outlook export', () => {
  it('reads Windows-1252 with ; and a CRLF multi-line address, ignores Outlook defaults, splits Categories on ;', () => {
    const file = readFixture('outlook-contacts-windows-1252.csv');
    expect(file).toMatchObject({ format: 'csv', encoding: 'windows-1252', delimiter: ';', preset: 'outlook' });
    expect(file.records.map((record) => record.line)).toEqual([2, 4, 5, 6]);
    const francois = readable(file.records[0]);
    expect(francois.fields).toMatchObject({
      firstName: 'François',
      lastName: 'Müller',
      company: 'Brasserie Müller & Fils',
      birthday: '1975-03-14',
      notes: 'Prix: 12 € la bouteille; préfère "le rouge"',
      tags: ['Clients', 'Golf'],
      emails: [{ value: 'francois@brasserie-muller.example' }],
      phones: [
        { label: 'work', value: '+41 22 555 01 23' },
        { label: 'mobile', value: '+41 79 555 01 24' },
      ],
      address: { street: 'Rue de la Paix 4\nBâtiment B', city: 'Genève', postalCode: '1202', country: 'Suisse' },
    });
    expect(francois.leftOut).toEqual(['Job Title “Gérant” left out']);
    const zoe = readable(file.records[1]);
    expect(zoe.fields.emails).toHaveLength(2);
    expect(zoe.leftOut).toEqual(['Anniversary “6/1/2005” left out', '2nd address skipped']);
    expect(readable(file.records[2]).fields).toMatchObject({ kind: 'company', company: 'Ærøskøbing Tømrer ApS', birthday: null });
    const bob = readable(file.records[3]);
    expect(bob.fields.birthday).toBeUndefined();
    expect(bob.leftOut).toEqual(['birthday “32/13/99” not understood']);
  });
});

describe('reading other CSV files', () => {
  it('reads a UTF-16LE file with a BOM by guessing columns from English names; a full name alone is split, a company alone is a company', () => {
    const file = readFixture('utf-16le-with-bom.csv');
    expect(file).toMatchObject({ encoding: 'utf-16le', delimiter: ',', preset: 'generic', columns: ['Name', 'Email', 'Mobile', 'Company', 'Notes', 'Tags'] });
    expect(readable(file.records[0]).fields).toMatchObject({ firstName: 'Ada', lastName: 'Lovelace', notes: 'Ünïcödé ✓ 数学', tags: ['Friends', 'Clients'], phones: [{ label: 'mobile' }] });
    expect(readable(file.records[1]).fields).toMatchObject({ firstName: 'Σωκράτης', lastName: 'Παπαδόπουλος' });
    expect(readable(file.records[2])).toMatchObject({ name: '北京咨询有限公司', fields: { kind: 'company', company: '北京咨询有限公司' } });
  });

  it('counts the blank lines it passes over (not records, but never passed over silently); a quoted blank line inside a value is no blank line', () => {
    const file = readText('First name,Last name,Notes\r\nAda,Lovelace,"two\r\n\r\nparagraphs"\r\n\r\n\r\nGrace,Hopper,\r\n\r\n');
    expect(file.records.map((record) => record.line)).toEqual([2, 7]);
    expect(file.blankLines).toBe(3);
    expect(readText('Name\nAda\n').blankLines).toBe(0);
    expect(readText('Ada,Lovelace\n\nGrace,Hopper\n', 'contacts.csv', { hasHeader: false }).blankLines).toBe(1);
  });

  it('guesses common English headers', () => {
    const file = readText('First name,Surname,E-mail,Work Phone,Organization,Street,Town,State,Zip,Country,Date of birth,Comments,Labels,Shoe size\nAda,Lovelace,ada@example.com,+44 1,Engines,1 Road,London,,N1,UK,12/10/1815,Hi,a;b,9\n');
    expect(file.mapping.map((entry) => entry.field)).toEqual(['firstName', 'lastName', 'email', 'phone', 'company', 'street', 'city', 'region', 'postalCode', 'country', 'birthday', 'notes', 'tags', 'skip']);
    expect(file.mapping[3]).toEqual({ column: 3, field: 'phone', label: 'work' });
    const ada = readable(file.records[0]);
    expect(ada.fields).toMatchObject({ birthday: '1815-12-10', tags: ['a', 'b'], address: { street: '1 Road', city: 'London', postalCode: 'N1', country: 'UK' } });
    expect(ada.leftOut).toEqual(['unknown column “Shoe size” ignored']);
  });

  it('uses the mapping the user set, with its labels', () => {
    const file = readText('x;y;z\nAda Lovelace;ada@example.com;+44 1\n', 'c.csv', {
      mapping: [
        { column: 0, field: 'fullName' },
        { column: 1, field: 'email', label: 'home' },
        { column: 2, field: 'skip' },
      ],
    });
    expect(file.delimiter).toBe(';');
    expect(readable(file.records[0]).fields).toMatchObject({ firstName: 'Ada', lastName: 'Lovelace', emails: [{ value: 'ada@example.com', label: 'home' }] });
  });

  it('reads a file without a header row, guessing columns from the first row, and numbers rows from line 1', () => {
    const file = readText('Ada Lovelace,ada@example.com,+44 20 7946 0101\nCharles Babbage,charles@example.com,+44 20 7946 0102\n', 'c.csv', { hasHeader: false });
    expect(file.columns).toEqual(['Column 1', 'Column 2', 'Column 3']);
    expect(file.records.map((record) => [record.line, record.name])).toEqual([
      [1, 'Ada Lovelace'],
      [2, 'Charles Babbage'],
    ]);
    expect(readable(file.records[1]).fields.phones).toEqual([{ value: '+44 20 7946 0102' }]);
  });

  it('reports every row: an empty row and a broken row as problems, ragged rows read with a note', () => {
    const file = readText('Name,Email,Phone\nAda Lovelace,ada@example.com,1\n,,\nBob,"bob@example.com\n\nCarl,carl@example.com,3,extra,more\nDora\n');
    expect(file.records.map((record) => record.line)).toEqual([2, 3, 4, 6, 7]);
    expect(problemOf(file.records[1])).toBe('The row is empty.');
    expect(problemOf(file.records[2])).toBe('The row cannot be read: a quote opened on line 4 is never closed.');
    expect(readable(file.records[3]).leftOut).toEqual(['2 values beyond the 3 columns left out']);
    expect(readable(file.records[4]).leftOut).toEqual(['the row has 1 field where the header has 3']);
  });

  it('takes birthdays as YYYY-MM-DD, M/D/YYYY, --MM-DD and --MMDD; "0/0/00" is none; the rest is left out with the value', () => {
    const file = readText('Name,Birthday\nA B,1990-02-28\nA B,2/29/2000\nA B,--02-29\nA B,--1231\nA B,0/0/00\nA B,2/29/2001\nA B,soon\n');
    expect(file.records.map((record) => ('birthday' in readable(record).fields ? readable(record).fields.birthday : readable(record).leftOut[0]))).toEqual([
      '1990-02-28',
      '2000-02-29',
      '--02-29',
      '--12-31',
      null,
      'birthday “2/29/2001” not understood',
      'birthday “soon” not understood',
    ]);
  });

  it('reads Kind as person or company, and leaves out a kind it does not know instead of refusing the row', () => {
    const file = readText('Name,Company,Kind\nAda Lovelace,Engines,Person\n,Harbour Coffee,Organization\nBob Smith,,Customer\n');
    expect(file.records.map((record) => readable(record).fields.kind)).toEqual(['person', 'company', undefined]);
    expect(readable(file.records[2]).leftOut).toEqual(['kind “Customer” not understood']);
  });

  it('keeps phone values the phone schema would refuse, and drops empty emails and phones', () => {
    const file = readText('Name,Email,Email 2,Phone\nAda Lovelace, ,ada@example.com,CALL-ME\n');
    expect(readable(file.records[0]).fields).toMatchObject({ emails: [{ value: 'ada@example.com' }], phones: [{ value: 'CALL-ME' }] });
  });

  it('reads a vCard in a .txt file, and a .tsv with tabs', () => {
    expect(readText('BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada Lovelace\r\nEND:VCARD\r\n', 'notes.txt').format).toBe('vcard');
    expect(readText('Name,Notes\nAda Lovelace,"pasted:\nBEGIN:VCARD\nEND:VCARD"\n', 'c.csv').format).toBe('csv');
    const tsv = readText('Name\tEmail\nAda Lovelace\tada@example.com\n', 'c.tsv');
    expect(tsv.delimiter).toBe('\t');
  });
});
