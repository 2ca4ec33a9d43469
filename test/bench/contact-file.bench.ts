import { readContactFile, writeContactsCsv, writeContactsVcard } from '../../src-main/core/transfer/contact-file.ts';
import type { Contact } from '../../shared/contacts/contacts.schemas.ts';
import { median, time } from './timing.ts';

// Reading an import file is the first part of the import's 3 s budget for 100,000 rows:
// readContactFile on a generated Google Contacts CSV, beside a bare split of the same text.

const GOOGLE_HEADER =
  'First Name,Middle Name,Last Name,Phonetic First Name,Phonetic Middle Name,Phonetic Last Name,Name Prefix,Name Suffix,Nickname,File As,' +
  'Organization Name,Organization Title,Organization Department,Birthday,Notes,Photo,Labels,E-mail 1 - Label,E-mail 1 - Value,' +
  'E-mail 2 - Label,E-mail 2 - Value,Phone 1 - Label,Phone 1 - Value,Phone 2 - Label,Phone 2 - Value,Address 1 - Label,' +
  'Address 1 - Formatted,Address 1 - Street,Address 1 - City,Address 1 - PO Box,Address 1 - Region,Address 1 - Postal Code,' +
  'Address 1 - Country,Address 1 - Extended Address,Website 1 - Label,Website 1 - Value';

/** A Google Contacts export of `rows` people, about 150 bytes a row. */
export function generateGoogleCsv(rows: number): string {
  const lines = [GOOGLE_HEADER];
  for (let index = 0; index < rows; index += 1) {
    const n = String(index).padStart(6, '0');
    const address = index % 10 === 0 ? `"${index} Harbour Road\nPortland, OR 97201"` : '';
    const notes = index % 7 === 0 ? '"Met at the ""spring"" fair, call back"' : '';
    lines.push(
      `Ada${n},,Lovelace,,,,,,,,Engines ${index % 500},,,1815-12-10,${notes},,* myContacts ::: Clients,* Work,ada.${n}@example.com,,,` +
        `Mobile,+1 503 555 ${n.slice(2)},,,Home,${address},,Portland,,OR,97201,US,,,`,
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

function sampleContacts(count: number): Contact[] {
  return Array.from({ length: count }, (_, index) => ({
    id: String(index),
    displayName: `Ada ${index}`,
    kind: 'person' as const,
    firstName: 'Ada',
    lastName: `Lovelace ${index}`,
    company: 'Engines',
    companyId: null,
    emails: [{ label: 'work', value: `ada.${index}@example.com`, primary: true }],
    phones: [{ label: 'mobile', value: `+1 503 555 ${String(index).padStart(4, '0')}`, primary: true }],
    address: { street: `${index} Harbour Road`, city: 'Portland', region: 'OR', postalCode: '97201', country: 'US' },
    birthday: '1815-12-10',
    notes: 'Met at the fair',
    tags: ['Clients'],
    preferredChannel: null,
    preferredTime: null,
    keepInTouchDays: null,
    doNotContactAutomatically: false,
    createdAt: '',
    updatedAt: '',
    deletedAt: null,
  }));
}

export async function run() {
  const text = generateGoogleCsv(100_000);
  const bytes = new TextEncoder().encode(text);
  const readTimes = await time(() => readContactFile(bytes, { fileName: 'google.csv' }), 5);
  const splitTimes = await time(() => new TextDecoder().decode(bytes).split('\r\n').map((line) => line.split(',')), 5);
  const contacts = sampleContacts(100_000);
  const csvTimes = await time(() => writeContactsCsv(contacts), 3);
  const vcardTimes = await time(() => writeContactsVcard(contacts), 3);
  const exported = new TextEncoder().encode(writeContactsVcard(contacts.slice(0, 10_000)));
  const vcardReadTimes = await time(() => readContactFile(exported, { fileName: 'contacts.vcf' }), 3);
  console.log(`\ncontact files (${(bytes.length / 1e6).toFixed(1)} MB Google CSV, 100,000 rows), median ms`);
  console.table({
    'read Google CSV, 100k rows': Math.round(median(readTimes)),
    'baseline: decode + split on , only': Math.round(median(splitTimes)),
    'write CSV, 100k contacts': Math.round(median(csvTimes)),
    'write vCard 4.0, 100k contacts': Math.round(median(vcardTimes)),
    'read vCard 4.0, 10k cards': Math.round(median(vcardReadTimes)),
  });
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
