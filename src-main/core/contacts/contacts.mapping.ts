import type { Contact, ContactFields, ContactSummary } from '../../../shared/contacts/contacts.schemas.ts';
import { newId } from '../db/ids.ts';
import { foldText } from '../db/text-search.ts';
import { searchKeysOf } from './contacts.search-keys.ts';
import type { ContactMethodRow, ContactRow, ContactSearchRow, ContactTagRow, NewContactMethodRow, NewContactRow } from './contacts.table.ts';

export function displayNameOf(fields: Pick<ContactFields, 'kind' | 'firstName' | 'lastName' | 'company'>): string {
  if (fields.kind === 'company') return fields.company;
  return [fields.firstName, fields.lastName].filter((part) => part !== '').join(' ');
}

/** The columns a contact's fields fill; ids and timestamps are the caller's. */
export function fieldsToRow(fields: ContactFields): Omit<NewContactRow, 'id' | 'created_at' | 'updated_at'> {
  const displayName = displayNameOf(fields);
  // An address with every part blank is no address.
  const address = fields.address && Object.values(fields.address).some((part) => part !== '') ? fields.address : null;
  return {
    kind: fields.kind,
    first_name: fields.firstName,
    last_name: fields.lastName,
    company: fields.company,
    company_id: fields.companyId,
    display_name: displayName,
    sort_key: foldText(displayName),
    address_street: address?.street ?? null,
    address_city: address?.city ?? null,
    address_region: address?.region ?? null,
    address_postal_code: address?.postalCode ?? null,
    address_country: address?.country ?? null,
    birthday: fields.birthday,
    notes: fields.notes,
    preferred_channel: fields.preferredChannel,
    preferred_time: fields.preferredTime,
    keep_in_touch_days: fields.keepInTouchDays,
    do_not_contact_automatically: fields.doNotContactAutomatically ? 1 : 0,
  };
}

/** A contact's emails and phones as rows, each with a new id (from `nextId`: a bulk write draws them in blocks). */
export function methodRows(contactId: string, fields: Pick<ContactFields, 'emails' | 'phones'>, nextId: () => string = newId): NewContactMethodRow[] {
  const rows = (type: 'email' | 'phone', items: ContactFields['emails']) =>
    items.map((item, position) => ({
      id: nextId(),
      contact_id: contactId,
      type,
      label: item.label,
      value: item.value,
      is_primary: item.primary ? 1 : 0,
      position,
    }));
  return [...rows('email', fields.emails), ...rows('phone', fields.phones)];
}

function methodsOf(rows: ContactMethodRow[], type: 'email' | 'phone') {
  return rows
    .filter((row) => row.type === type)
    .map((row) => ({ label: row.label, value: row.value, primary: row.is_primary === 1 }));
}

export function rowToContact(row: ContactRow, methods: ContactMethodRow[], tags: ContactTagRow[]): Contact {
  const hasAddress = row.address_street !== null;
  return {
    id: row.id,
    kind: row.kind,
    firstName: row.first_name,
    lastName: row.last_name,
    company: row.company,
    companyId: row.company_id,
    displayName: row.display_name,
    emails: methodsOf(methods, 'email'),
    phones: methodsOf(methods, 'phone'),
    address: hasAddress
      ? {
          street: row.address_street ?? '',
          city: row.address_city ?? '',
          region: row.address_region ?? '',
          postalCode: row.address_postal_code ?? '',
          country: row.address_country ?? '',
        }
      : null,
    birthday: row.birthday,
    notes: row.notes,
    tags: tags.map((tag) => tag.tag),
    preferredChannel: row.preferred_channel as Contact['preferredChannel'],
    preferredTime: row.preferred_time as Contact['preferredTime'],
    keepInTouchDays: row.keep_in_touch_days,
    doNotContactAutomatically: row.do_not_contact_automatically === 1,
    lastInteractionAt: row.last_interaction_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
  };
}

export function rowToSummary(row: ContactRow, primaries: ContactMethodRow[], tags: ContactTagRow[]): ContactSummary {
  return {
    id: row.id,
    kind: row.kind,
    displayName: row.display_name,
    company: row.company,
    primaryEmail: primaries.find((method) => method.type === 'email')?.value ?? null,
    primaryPhone: primaries.find((method) => method.type === 'phone')?.value ?? null,
    tags: tags.map((tag) => tag.tag),
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
  };
}

function addressText(address: ContactFields['address']): string {
  if (!address) return '';
  return [address.street, address.city, address.region, address.postalCode, address.country].filter((part) => part !== '').join(' ');
}

/**
 * What search looks through, folded (it is never shown, only matched); phones
 * carry their bare digits too. Its prefix keys come from the same fields.
 */
export function searchEntryOf(num: number, fields: ContactFields): ContactSearchRow {
  const displayName = displayNameOf(fields);
  return {
    rowid: num,
    kind: fields.kind,
    keys: searchKeysOf(fields, displayName),
    name: foldText(displayName),
    company: foldText(fields.company),
    emails: foldText(fields.emails.map((email) => email.value).join(' ')),
    phones: fields.phones.map((phone) => `${phone.value} ${phone.value.replace(/\D/g, '')}`).join(' '),
    tags: foldText(fields.tags.join(' ')),
    notes: foldText(fields.notes),
    address: foldText(addressText(fields.address)),
  };
}
