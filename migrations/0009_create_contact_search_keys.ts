import { sql, type Kysely } from 'kysely';

// Frozen: this file describes the schema as it was when it landed. Change the
// schema with a new numbered migration, never by editing this one.
//
// Search used to rank every full-text match before taking the best 50, so its
// cost grew with the book. These prefix keys let it take names, companies,
// emails, phones and tags that start with what was typed, best field first,
// from an index range that stops at the page size. The keys of contacts
// already stored are written here exactly as the app of this version writes
// them (the derivation is copied, not imported: a migration never changes).

type Key = [field: number, key: string, num: number, kind: string];

const field = { name: 0, company: 1, email: 2, phone: 3, tag: 4 } as const;
const longestKey = 64;
const rowsPerStatement = 5_000;

const fold = (text: string) => text.normalize('NFKD').replace(/\p{M}/gu, '').toLocaleLowerCase('en');
const words = (text: string) => text.split(/\s+/).filter((word) => word !== '');

function wordsAndWhole(text: string): string[] {
  const all = words(text);
  return all.length > 1 ? [...all, all.join(' ')] : all;
}

function emailKeys(email: string): string[] {
  const folded = fold(email).trim();
  const starts = [0, ...[...folded.matchAll(/[.@_+-]/g)].map((match) => match.index + 1)];
  return starts.map((start) => folded.slice(start)).filter((key) => key.length >= 2);
}

function phoneKeys(phone: string): string[] {
  const digits = phone.replace(/\D/g, '');
  const keys: string[] = [];
  let before = 0;
  for (const group of phone.matchAll(/\d+/g)) {
    keys.push(digits.slice(before));
    before += group[0].length;
  }
  return keys.filter((key) => key.length >= 2);
}

type Contact = { num: number; id: string; kind: string; display_name: string; company: string };

function keysOf(contact: Contact, emails: string[], phones: string[], tags: string[]): Key[] {
  const pairs: Array<[number, string]> = [
    ...wordsAndWhole(fold(contact.display_name)).map((key): [number, string] => [field.name, key]),
    ...(contact.kind === 'person' ? wordsAndWhole(fold(contact.company)) : []).map((key): [number, string] => [field.company, key]),
    ...emails.flatMap(emailKeys).map((key): [number, string] => [field.email, key]),
    ...phones.flatMap(phoneKeys).map((key): [number, string] => [field.phone, key]),
    ...tags.flatMap((tag) => wordsAndWhole(fold(tag))).map((key): [number, string] => [field.tag, key]),
  ];
  const seen = new Map<string, Key>();
  for (const [from, key] of pairs) {
    const cut = key.slice(0, longestKey);
    seen.set(`${from} ${cut}`, [from, cut, contact.num, contact.kind]);
  }
  return [...seen.values()];
}

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table contact_search_keys (
    field integer not null,
    key text not null,
    num integer not null,
    kind text not null,
    primary key (field, key, num)
  ) without rowid`.execute(db);
  // A contact's keys go when it is edited or put in the Trash.
  await sql`create index contact_search_keys_by_contact on contact_search_keys (num)`.execute(db);
  // The company picker searches companies only: few, so their own small index keeps it bounded.
  await sql`create index contact_search_keys_of_companies on contact_search_keys (field, key, num) where kind = 'company'`.execute(db);

  const contacts = (await sql<Contact>`select num, id, kind, display_name, company from contacts where deleted_at is null order by num`.execute(db)).rows;
  const methods = (await sql<{ contact_id: string; type: string; value: string }>`select contact_id, type, value from contact_methods order by contact_id, type, position`.execute(db)).rows;
  const tags = (await sql<{ contact_id: string; tag: string }>`select contact_id, tag from contact_tags order by contact_id, position`.execute(db)).rows;
  const methodsOf = Map.groupBy(methods, (method) => method.contact_id);
  const tagsOf = Map.groupBy(tags, (tag) => tag.contact_id);
  const keys = contacts.flatMap((contact) => {
    const own = methodsOf.get(contact.id) ?? [];
    const values = (type: string) => own.filter((method) => method.type === type).map((method) => method.value);
    return keysOf(contact, values('email'), values('phone'), (tagsOf.get(contact.id) ?? []).map((tag) => tag.tag));
  });
  for (let start = 0; start < keys.length; start += rowsPerStatement) {
    await sql`insert into contact_search_keys (field, key, num, kind)
      select value ->> 0, value ->> 1, value ->> 2, value ->> 3 from json_each(${JSON.stringify(keys.slice(start, start + rowsPerStatement))})`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table contact_search_keys`.execute(db);
}
