import { describe, expect, it } from 'vitest';
import { ContactFields } from '../../../shared/contacts/contacts.schemas.ts';
import { problemOf, readable, readFixture, readText } from './read.ts';

describe('reading vCard files', () => {
  it('reads vCard 2.1: quoted-printable with soft line breaks in UTF-8 and ISO-8859-1, bare WORK/CELL/PREF, a base64 photo', () => {
    const file = readFixture('vcard-2.1-android.vcf');
    expect(file).toMatchObject({ format: 'vcard', delimiter: null, preset: null, columns: [], mapping: [], photosSkipped: 1 });
    expect(file.records.map((record) => record.line)).toEqual([1, 18, 27]);
    const emile = readable(file.records[0]);
    expect(emile.name).toBe('Émile Durand');
    expect(ContactFields.parse(emile.fields)).toMatchObject({
      firstName: 'Émile',
      lastName: 'Durand',
      birthday: '1975-04-15',
      emails: [{ value: 'emile.durand@poste.example', primary: true }],
      phones: [
        { label: 'mobile', value: '+33 6 12 34 56 78' },
        { label: 'work', value: '+33 1 42 00 00 01' },
      ],
      address: { street: "12 rue de l'Église", city: 'Orléans', postalCode: '45000', country: 'France' },
      notes: "Rencontré au salon, très intéressé par l'offre d'automne.\nA rappeler en janvier.",
    });
    expect(emile.leftOut).toEqual(['photo skipped']);
    expect(readable(file.records[1]).fields).toMatchObject({ company: 'Analytical Engines Ltd', notes: 'Ligne un\nLigne deux, avec virgule', emails: [{ label: 'work' }] });
    expect(readable(file.records[2]).fields).toMatchObject({ kind: 'company', company: 'Harbour Coffee Roasters', phones: [{ label: 'fax' }] });
  });

  it('reads vCard 3.0 from Apple: folded lines, item1.EMAIL with X-ABLabel, escaped commas in NOTE, the first ADR, X-ABShowAs company', () => {
    const file = readFixture('vcard-3.0-apple.vcf');
    expect(file.photosSkipped).toBe(1);
    expect(file.records.map((record) => record.line)).toEqual([1, 29, 41]);
    const ada = readable(file.records[0]);
    expect(ContactFields.parse(ada.fields)).toMatchObject({
      firstName: 'Ada',
      lastName: 'Lovelace',
      company: 'Analytical Engines Ltd',
      birthday: '1815-12-10',
      tags: ['Friends', 'Clients'],
      notes: 'Met at the Difference Engine demo, wants a follow-up.\nPrefers letters to email.',
      emails: [
        { label: 'work', value: 'ada@engines.example', primary: true },
        { label: 'other', value: 'ada.lovelace@mail.example', primary: false },
        { label: 'Chess club', value: 'ada@club.example', primary: false },
      ],
      phones: [
        { label: 'mobile', value: '+44 20 7946 0101', primary: true },
        { label: 'work', value: '+44 20 7946 0199', primary: false },
      ],
      address: { street: "12 St James's Square", city: 'London', postalCode: 'SW1Y 4JH', country: 'United Kingdom' },
    });
    expect(ada.leftOut).toEqual(['job title “Countess” left out', '2nd address skipped', 'photo skipped']);
    expect(readable(file.records[1]).fields).toMatchObject({ kind: 'company', company: 'Harbour Coffee Roasters', phones: [{ label: 'main', value: '(503) 555-0142' }] });
    expect(readable(file.records[2]).fields).toMatchObject({ firstName: 'Émile', birthday: '--04-15' });
  });

  it('reads vCard 4.0: tel: URIs, PREF=1, KIND:org, --MMDD birthdays, a data: photo', () => {
    const file = readFixture('vcard-4.0.vcf');
    expect(file.photosSkipped).toBe(1);
    const grace = readable(file.records[0]);
    expect(grace.fields).toMatchObject({
      firstName: 'Grace',
      lastName: 'Hopper',
      birthday: '1906-12-09',
      notes: 'Invented the first compiler, A-0.',
      phones: [
        { label: 'mobile', value: '+1-202-555-0110', primary: true },
        { label: 'home', value: '+1-202-555-0111' },
      ],
      address: { street: '1 Navy Yard', city: 'Washington', region: 'DC', postalCode: '20374', country: 'USA' },
    });
    expect(readable(file.records[1])).toMatchObject({ name: 'Analytical Engines Ltd', fields: { kind: 'company' }, leftOut: ['photo skipped'] });
    expect(readable(file.records[2]).fields).toMatchObject({ birthday: '--08-26' });
  });

  it('reports a broken card and a card without END:VCARD with their lines, and still reads the cards around them', () => {
    const text = [
      'BEGIN:VCARD',
      'VERSION:3.0',
      'FN:Ada Lovelace',
      'END:VCARD',
      'BEGIN:VCARD',
      'VERSION:3.0',
      'FN:Broken',
      'THIS LINE HAS NO COLON',
      'END:VCARD',
      'BEGIN:VCARD',
      'VERSION:3.0',
      'FN:Cut short',
      'BEGIN:VCARD',
      'VERSION:4.0',
      'FN:Grace Hopper',
      'BDAY:someday',
      'END:VCARD',
      'BEGIN:VCARD',
      'FN:At the end',
    ].join('\r\n');
    const file = readText(text, 'contacts.vcf');
    expect(file.records.map((record) => [record.line, 'problem' in record])).toEqual([
      [1, false],
      [5, true],
      [10, true],
      [13, false],
      [18, true],
    ]);
    expect(problemOf(file.records[1])).toMatch(/^The card cannot be read: invalid line/);
    expect(problemOf(file.records[2])).toBe('The card has no END:VCARD: the file may be cut short.');
    expect(readable(file.records[3])).toMatchObject({ name: 'Grace Hopper', fields: { firstName: 'Grace', lastName: 'Hopper' }, leftOut: ['birthday “someday” not understood'] });
  });

  it('reports lines outside any card (a lost BEGIN:VCARD) instead of dropping them', () => {
    const file = readText('BEGIN:VCARD\nFN:Ada Lovelace\nEND:VCARD\nBEGN:VCARD\nFN:Lost\nEND:VCARD\n\nBEGIN:VCARD\nFN:Grace Hopper\nEND:VCARD\n', 'c.vcf');
    expect(file.records.map((record) => [record.line, record.name])).toEqual([
      [1, 'Ada Lovelace'],
      [4, 'line 4'],
      [8, 'Grace Hopper'],
    ]);
    expect(problemOf(file.records[1])).toBe('Lines 4–6 are outside any card: its BEGIN:VCARD may be missing.');
  });

  it('says a .vcf file without any card is not a vCard file', () => {
    const file = readText('Name,Email\nAda,ada@example.com\n', 'contacts.vcf');
    expect(file.format).toBe('vcard');
    expect(file.records).toHaveLength(1);
    expect(problemOf(file.records[0])).toBe('No BEGIN:VCARD found: this does not look like a vCard file.');
    expect(readText('', 'empty.vcf').records).toEqual([]);
  });

  it('reads 2.1-style bare parameters and quoted-printable in a card that says 3.0, as some phones write them', () => {
    const bare = 'BEGIN:VCARD\r\nVERSION:3.0\r\nN:Lovelace;Ada\r\nTEL;CELL:+44 1\r\nEMAIL;INTERNET;PREF:ada@example.com\r\nEND:VCARD\r\n';
    const quoted = 'BEGIN:VCARD\r\nVERSION:3.0\r\nN:Hopper;Grace\r\nNOTE;ENCODING=QUOTED-PRINTABLE:Caf=C3=A9\r\nEND:VCARD\r\n';
    const file = readText(bare + quoted, 'c.vcf');
    expect(readable(file.records[0]).fields).toMatchObject({ phones: [{ label: 'mobile', value: '+44 1' }], emails: [{ value: 'ada@example.com', primary: true }] });
    expect(readable(file.records[1]).fields).toMatchObject({ notes: 'Café' });
  });

  it('reads a card with only ORG as a company, and one with only FN by splitting the name', () => {
    const file = readText('BEGIN:VCARD\nVERSION:3.0\nORG:Harbour Coffee\nEND:VCARD\nBEGIN:VCARD\nVERSION:3.0\nFN:Ada King Lovelace\nEND:VCARD\n', 'c.vcf');
    expect(readable(file.records[0]).fields).toMatchObject({ kind: 'company', company: 'Harbour Coffee' });
    expect(readable(file.records[1]).fields).toMatchObject({ firstName: 'Ada King', lastName: 'Lovelace' });
  });
});
