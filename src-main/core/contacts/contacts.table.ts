import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

export interface ContactTable {
  num: Generated<number>;
  id: string;
  kind: 'person' | 'company';
  first_name: string;
  last_name: string;
  company: string;
  company_id: string | null;
  display_name: string;
  /** Lower-cased display name: what "sort by name" orders on. */
  sort_key: string;
  address_street: string | null;
  address_city: string | null;
  address_region: string | null;
  address_postal_code: string | null;
  address_country: string | null;
  birthday: string | null;
  notes: string;
  preferred_channel: string | null;
  preferred_time: string | null;
  keep_in_touch_days: number | null;
  /** 1: no plan starts for them by itself (since migration 0007). */
  do_not_contact_automatically: Generated<number>;
  /** The newest `occurred_at` of its live interactions (since migration 0003); kept by history. */
  last_interaction_at: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}
export type ContactRow = Selectable<ContactTable>;
export type NewContactRow = Insertable<ContactTable>;
export type ContactRowUpdate = Updateable<ContactTable>;

export interface ContactMethodTable {
  id: string;
  contact_id: string;
  type: 'email' | 'phone';
  label: string;
  value: string;
  is_primary: number;
  position: number;
}
export type ContactMethodRow = Selectable<ContactMethodTable>;
export type NewContactMethodRow = Insertable<ContactMethodTable>;

export interface ContactTagTable {
  contact_id: string;
  tag: string;
  position: number;
}
export type ContactTagRow = Selectable<ContactTagTable>;

/** FTS5 table; its rowid is `contacts.num`. */
export interface ContactSearchTable {
  rowid: number;
  name: string;
  company: string;
  emails: string;
  phones: string;
  tags: string;
  notes: string;
  /** Street, city, region, postal code and country (since migration 0002). */
  address: string;
}
/** One prefix key: which field it comes from (searchFields: name first) and the folded text. */
export type SearchKey = [field: number, key: string];
/** A contact's search entry: its full-text row, and the prefix keys search ranges over first (since migration 0009). */
export type ContactSearchRow = Insertable<ContactSearchTable> & { kind: ContactTable['kind']; keys: SearchKey[] };

/**
 * Prefix keys of live contacts (since migration 0009), WITHOUT ROWID, keyed
 * (field, key, num): a range of keys in one field is a contiguous run of the index.
 */
export interface ContactSearchKeyTable {
  field: number;
  key: string;
  num: number;
  kind: ContactTable['kind'];
}
