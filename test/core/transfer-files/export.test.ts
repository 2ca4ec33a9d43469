import { parse } from 'csv-parse/sync';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { Contact, ContactFields } from '../../../shared/contacts/contacts.schemas.ts';
import { readContactFile, writeContactsCsv, writeContactsVcard } from '../../../src-main/core/transfer/contact-file.ts';
import { guardFormula, unguardFormula } from '../../../src-main/core/transfer/formula-guard.ts';
import { readable } from './read.ts';

function contact(fields: Partial<Contact>): Contact {
  return Contact.parse({
    id: crypto.randomUUID(),
    displayName: `${fields.firstName ?? ''} ${fields.lastName ?? ''}`.trim() || (fields.company ?? ''),
    createdAt: '2026-12-01T10:00:00.000Z',
    updatedAt: '2026-12-01T10:00:00.000Z',
    deletedAt: null,
    ...fields,
  });
}

const people = [
  contact({
    firstName: 'Ada',
    lastName: 'Lovelace',
    company: 'Analytical Engines; Ltd, "the Engine"',
    emails: [
      { label: 'work', value: 'ada@engines.example', primary: false },
      { label: 'Chess club', value: 'ada@club.example', primary: true },
    ],
    phones: [
      { label: 'mobile', value: '+44 20 7946 0101', primary: true },
      { label: 'home', value: '(020) 7946-0102 ext. 7', primary: false },
      { label: 'fax', value: '-44 20 7946 0103', primary: false },
    ],
    address: { street: "12 St James's Square\nFlat 2", city: 'London', region: '', postalCode: 'SW1Y 4JH', country: 'United Kingdom' },
    birthday: '1815-12-10',
    notes: 'Met at the demo, liked it; "really".\r\nSecond line\nThird line with a back\\slash',
    tags: ['Friends', 'Clients, UK', 'Émigrés'],
    preferredChannel: 'email',
    preferredTime: 'morning',
    keepInTouchDays: 30,
  }),
  contact({ kind: 'company', company: 'Harbour Coffee Roasters', phones: [{ label: 'main', value: '+1 503 555 0142', primary: true }], birthday: '--04-15' }),
  contact({ firstName: 'Émile', lastName: '', emails: [{ label: 'home', value: 'emile@poste.example', primary: true }] }),
  contact({
    firstName: '=HYPERLINK("http://evil.example","Click")',
    lastName: 'Hacker',
    company: '@SUM(A1)',
    notes: ' =1+1',
    tags: ['-2', '＝1', "'=quoted"],
    address: { street: "+cmd|' /C calc'!A0", city: '－full', region: '＠x', postalCode: '+1', country: "'already" },
  }),
];

/** What the user typed about each contact, as the form would save it (the link to a company stays behind). */
const fieldsOf = (value: unknown) => ({ ...ContactFields.parse(value), companyId: null });

/** Line breaks come back as \n, whatever the contact held. */
const withLineFeeds = (person: Contact) => ({ ...fieldsOf(person), notes: person.notes.replaceAll('\r\n', '\n') });

describe('writing CSV', () => {
  it('guards every cell a spreadsheet would run as a formula, also after leading spaces and in full-width forms', () => {
    for (const value of ['=1', '+1 555', '-2', '@A1', '\t=1', '\r=1', ' =1', '\u3000=1', '＝1', '＋1', '－1', '＠1', "'=1"]) {
      expect(guardFormula(value)).toBe(`'${value}`);
      expect(unguardFormula(guardFormula(value))).toBe(value);
    }
    for (const value of ['Ada', "O'Brien", "'quoted", '1 + 1', '']) {
      expect(guardFormula(value)).toBe(value);
      expect(unguardFormula(value)).toBe(value);
    }
  });

  it('writes a header our reader knows as its own, CRLF rows, no formula-looking cell left bare', () => {
    const csv = writeContactsCsv(people);
    expect(csv.split('\r\n')[0]).toBe(
      'Kind,First Name,Last Name,Company,Email 1 - Label,Email 1 - Value,Email 2 - Label,Email 2 - Value,Phone 1 - Label,Phone 1 - Value,Phone 2 - Label,Phone 2 - Value,Phone 3 - Label,Phone 3 - Value,Street,City,Region,Postal Code,Country,Birthday,Notes,Tags,Preferred Channel,Preferred Time,Keep In Touch Days',
    );
    const cells = (parse(csv, { relax_column_count: true }) as string[][]).flat();
    const dangerous = cells.filter((cell) => /^[\s\u3000]*[=+\-@＝＋－＠]/.test(cell));
    expect(dangerous).toEqual([]);
    expect(cells).toContain("'+44 20 7946 0101");
    expect(cells).toContain("' =1+1");
    expect(csv).toContain('"12 St James\'s Square\nFlat 2"');
  });

  it('round trip: contacts → CSV → readContactFile (our own preset) → the same fields, phones and formula-looking values included', () => {
    const file = readContactFile(new TextEncoder().encode(writeContactsCsv(people)), { fileName: 'Ambassador contacts.csv' });
    expect(file).toMatchObject({ format: 'csv', encoding: 'utf-8', delimiter: ',', preset: 'ambassador' });
    expect(file.records.map((record) => readable(record).leftOut)).toEqual(people.map(() => []));
    expect(file.records.map((record) => fieldsOf(readable(record).fields))).toEqual(people.map(withLineFeeds));
    expect(readable(file.records[0]).fields.phones?.[0]?.value).toBe('+44 20 7946 0101');
  });

  it('writes one header and no rows for no contacts', () => {
    const csv = writeContactsCsv([]);
    expect(csv.split('\r\n').filter((line) => line !== '')).toHaveLength(1);
    expect(readContactFile(new TextEncoder().encode(csv), { fileName: 'x.csv' }).records).toEqual([]);
  });
});

describe('writing vCard 4.0', () => {
  it('writes one 4.0 card per contact with CRLF line ends, KIND:org for companies, --MMDD for a yearless birthday', () => {
    const vcf = writeContactsVcard(people);
    expect(vcf.split('\r\n').filter((line) => line === 'BEGIN:VCARD')).toHaveLength(people.length);
    expect(vcf.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
    expect(vcf).toContain('VERSION:4.0\r\n');
    expect(vcf).toContain('KIND:org\r\n');
    expect(vcf).toContain('BDAY:--0415\r\n');
    expect(vcf).toContain('BDAY:18151210\r\n');
    expect(vcf).toContain('TEL;VALUE=text;TYPE=cell;PREF=1:+44 20 7946 0101\r\n');
    const cards = ICAL.parse(vcf) as unknown[];
    expect(cards).toHaveLength(people.length);
  });

  it('round trip: contacts → vCard → readContactFile → the same fields', () => {
    const file = readContactFile(new TextEncoder().encode(writeContactsVcard(people)), { fileName: 'contacts.vcf' });
    expect(file.records.map((record) => readable(record).leftOut)).toEqual(people.map(() => []));
    expect(file.records.map((record) => fieldsOf(readable(record).fields))).toEqual(people.map(withLineFeeds));
  });
});
