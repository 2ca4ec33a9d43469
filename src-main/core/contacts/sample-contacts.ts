import type { ContactFields } from '../../../shared/contacts/contacts.schemas.ts';

// A believable small-business address book for a newcomer to explore: a few
// companies, the people who work there, and private customers. Fixed, so the
// sample looks the same on every machine.
const companies = [
  { name: 'Harbor Lane Realty', domain: 'harborlane.example', city: 'Portland', tags: ['partner'] },
  { name: 'Bluebird Bakery', domain: 'bluebirdbakery.example', city: 'Eugene', tags: ['supplier'] },
  { name: 'Oakridge Title & Escrow', domain: 'oakridgetitle.example', city: 'Salem', tags: ['partner', 'closing'] },
  { name: 'Cedar & Sons Movers', domain: 'cedarmovers.example', city: 'Portland', tags: ['vendor'] },
  { name: 'Northwind Mortgage', domain: 'northwindmortgage.example', city: 'Beaverton', tags: ['partner', 'lender'] },
  { name: 'Lumen Home Staging', domain: 'lumenstaging.example', city: 'Lake Oswego', tags: ['vendor'] },
];

const firstNames = [
  'Ada', 'Grace', 'Alan', 'Maya', 'Luis', 'Priya', 'Tom', 'Hannah', 'Omar', 'Sofia', 'Kenji', 'Elena',
  'Marcus', 'Chloe', 'Ravi', 'Fatima', 'Noah', 'Isabel', 'Daniel', 'Amara', 'Felix', 'Zoe', 'Samuel', 'Lena',
  'Victor', 'Nora', 'Ibrahim', 'Julia', 'Theo', 'Mei', 'Jonas', 'Clara', 'Diego', 'Aisha', 'Patrick', 'Yara',
  'Henry', 'Lucia', 'Arjun', 'Emma', 'Mateo', 'Ines', 'Oscar', 'Rosa',
];
const lastNames = [
  'Lovelace', 'Hopper', 'Turing', 'Okafor', 'Hernández', 'Raman', 'Becker', 'Schmidt', 'Haddad', 'Rossi',
  'Tanaka', 'Petrova', 'Reid', 'Dubois', 'Iyer', 'Nasser', 'Walsh', 'Moreno', 'Kim', 'Mensah', 'Novak',
  'Clarke', 'Adeyemi', 'Lindqvist', 'Costa', 'Byrne', 'Yilmaz', 'Fischer', 'Murphy', 'Chen', 'Weber',
  'Santos', 'García', 'Khan', 'O’Brien', 'Sato', 'Grant', 'Ferreira', 'Patel', 'Nilsen', 'Alvarez', 'Silva',
  'Larsen', 'Varga',
];
const streets = ['Maple Ave', 'Birch St', 'Harbor Rd', 'Willow Ln', 'Juniper Ct', 'Alder Way', 'Summit Dr', 'Elm St'];
const customerTags = [['buyer'], ['seller'], ['buyer', 'first-home'], ['vip'], ['referral'], ['seller', 'vip'], []];
const notes = [
  'Closed on the Maple Ave house in spring. Loves gardening: a plant makes a good gift.',
  'Prefers a call after 5 pm. Two kids, a golden retriever named Biscuit.',
  'Referred by a neighbour. Looking for a three-bedroom near good schools.',
  'Sent a handwritten thank-you after the closing; follow up at the one-year anniversary.',
  'Asked about refinancing options next year.',
  '',
];
const channels: ContactFields['preferredChannel'][] = ['email', 'phone', 'sms', 'mail', 'in_person', null];
const times: ContactFields['preferredTime'][] = ['morning', 'afternoon', 'evening', null];

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

function asciiHandle(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f’']/g, '')
    .toLowerCase();
}

/** About fifty contacts: six companies and the people around them. */
export function sampleContacts(): ContactFields[] {
  const result: ContactFields[] = companies.map((company, index) => ({
    kind: 'company',
    firstName: '',
    lastName: '',
    company: company.name,
    companyId: null,
    emails: [{ label: 'work', value: `hello@${company.domain}`, primary: true }],
    phones: [{ label: 'work', value: `(503) 555-${pad(100 + index * 7, 4)}`, primary: true }],
    address: { street: `${200 + index * 15} ${streets[index % streets.length]}`, city: company.city, region: 'OR', postalCode: `97${pad(200 + index, 3)}`, country: 'USA' },
    birthday: null,
    notes: '',
    tags: company.tags,
    preferredChannel: 'email',
    preferredTime: 'morning',
    keepInTouchDays: 90,
    doNotContactAutomatically: false,
  }));

  firstNames.forEach((firstName, index) => {
    const lastName = lastNames[index % lastNames.length]!;
    const worksAt = index % 4 === 0 ? companies[(index / 4) % companies.length] : undefined;
    const handle = `${asciiHandle(firstName)}.${asciiHandle(lastName)}`;
    const month = (index % 12) + 1;
    const day = ((index * 7) % 28) + 1;
    result.push({
      kind: 'person',
      firstName,
      lastName,
      company: worksAt?.name ?? '',
      companyId: null,
      emails: [{ label: worksAt ? 'work' : 'home', value: `${handle}@${worksAt?.domain ?? 'mail.example'}`, primary: true }],
      phones: [
        { label: 'mobile', value: `(971) 555-${pad(1000 + index * 37, 4)}`, primary: true },
        ...(index % 3 === 0 ? [{ label: 'home', value: `(503) 555-${pad(3000 + index * 11, 4)}`, primary: false }] : []),
      ],
      address: worksAt
        ? null
        : { street: `${12 + index * 9} ${streets[index % streets.length]}`, city: ['Portland', 'Salem', 'Eugene', 'Bend'][index % 4]!, region: 'OR', postalCode: `97${pad(100 + index, 3)}`, country: 'USA' },
      birthday: index % 3 === 1 ? `--${pad(month, 2)}-${pad(day, 2)}` : index % 3 === 2 ? `${1960 + index}-${pad(month, 2)}-${pad(day, 2)}` : null,
      notes: notes[index % notes.length]!,
      tags: worksAt ? ['partner'] : customerTags[index % customerTags.length]!,
      preferredChannel: channels[index % channels.length]!,
      preferredTime: times[index % times.length]!,
      keepInTouchDays: worksAt ? 60 : [30, 90, 180, null][index % 4]!,
      doNotContactAutomatically: false,
    });
  });
  return result;
}
