import ICAL from 'ical.js';
import type { Contact } from '../../../shared/contacts/contacts.schemas.ts';
import { writeAmbassadorExtras } from './vcard-extras.ts';

type Component = InstanceType<typeof ICAL.Component>;

/** ical.js escapes \n in values but writes a carriage return as it is, which breaks the card's line. */
const oneLine = (value: string) => value.replace(/\r\n?/g, '\n');

/** Our labels that vCard 4.0 has a TYPE for; any other label travels as Apple's X-ABLabel. */
const EMAIL_TYPES: Record<string, string> = { work: 'work', home: 'home' };
const PHONE_TYPES: Record<string, string> = { work: 'work', home: 'home', mobile: 'cell', fax: 'fax', pager: 'pager' };

function addLabeled(card: Component, name: 'email' | 'tel', item: { label: string; value: string; primary: boolean }, types: Record<string, string>, group: () => string) {
  const property = new ICAL.Property(name, card);
  property.setValue(oneLine(item.value));
  if (name === 'tel') property.setParameter('value', 'text');
  const type = types[item.label];
  if (type !== undefined) property.setParameter('type', type);
  if (item.primary) property.setParameter('pref', '1');
  if (type === undefined && item.label !== '') {
    const itemGroup = group();
    property.jCal[1]['group'] = itemGroup;
    card.addProperty(property);
    const label = new ICAL.Property('x-ablabel', card);
    label.setValue(oneLine(item.label));
    label.jCal[1]['group'] = itemGroup;
    card.addProperty(label);
    return;
  }
  card.addProperty(property);
}

function displayNameOf(contact: Contact): string {
  const name = [contact.firstName, contact.lastName].filter((part) => part !== '').join(' ');
  return contact.kind === 'company' ? contact.company || name : name || contact.displayName || contact.company;
}

function cardOf(contact: Contact): Component {
  const card = new ICAL.Component('vcard');
  card.addPropertyWithValue('version', '4.0');
  if (contact.kind === 'company') card.addPropertyWithValue('kind', 'org');
  card.addPropertyWithValue('fn', oneLine(displayNameOf(contact)));
  const name = new ICAL.Property('n', card);
  name.setValue([oneLine(contact.lastName), oneLine(contact.firstName), '', '', ''] as never);
  card.addProperty(name);
  if (contact.company !== '') {
    const org = new ICAL.Property('org', card);
    org.setValue([oneLine(contact.company)] as never);
    card.addProperty(org);
  }
  let groups = 0;
  const nextGroup = () => `item${(groups += 1)}`;
  for (const email of contact.emails) addLabeled(card, 'email', email, EMAIL_TYPES, nextGroup);
  for (const phone of contact.phones) addLabeled(card, 'tel', phone, PHONE_TYPES, nextGroup);
  if (contact.address !== null) {
    const { street, city, region, postalCode, country } = contact.address;
    const address = new ICAL.Property('adr', card);
    address.setValue(['', '', street, city, region, postalCode, country].map(oneLine) as never);
    card.addProperty(address);
  }
  if (contact.birthday !== null) {
    // Written as 18151210, or --1210 without a year, vCard 4.0's date forms.
    const bday = new ICAL.Property('bday', card);
    bday.setValue(ICAL.VCardTime.fromDateAndOrTimeString(contact.birthday, 'date-and-or-time'));
    card.addProperty(bday);
  }
  if (contact.notes !== '') card.addPropertyWithValue('note', oneLine(contact.notes));
  if (contact.tags.length > 0) {
    const categories = new ICAL.Property('categories', card);
    categories.setValues(contact.tags.map(oneLine));
    card.addProperty(categories);
  }
  writeAmbassadorExtras(card, contact);
  return card;
}

/** Contacts as vCard 4.0, one card each, CRLF line ends (re-importable by common address books). */
export function writeContactsVcard(contacts: Contact[]): string {
  return contacts.map((contact) => `${cardOf(contact).toString()}\r\n`).join('');
}
