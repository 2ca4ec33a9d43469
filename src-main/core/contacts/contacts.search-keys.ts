import type { ContactFields } from '../../../shared/contacts/contacts.schemas.ts';
import { foldText } from '../db/text-search.ts';
import type { SearchKey } from './contacts.table.ts';

/**
 * Where a prefix key comes from, best first: search lists a contact whose name
 * starts with what was typed before one whose company, email, phone or tag does.
 */
export const searchFields = { name: 0, company: 1, email: 2, phone: 3, tag: 4 } as const;

/** Longer keys add nothing a user types and only fill the index. */
const longestKey = 64;
const emailBreak = /[.@_+-]/g;

const words = (text: string) => text.split(/\s+/).filter((word) => word !== '');

/** The word itself and the whole phrase, so "maya" and "maya chen" are both prefixes of a key. */
function wordsAndWhole(text: string): string[] {
  const all = words(text);
  return all.length > 1 ? [...all, all.join(' ')] : all;
}

/** A person's company text as keys (a company's own name is its name). */
export const companyKeys = (company: string) => wordsAndWhole(foldText(company));

/** The address, and what follows each dot, @, dash, plus or underscore: "chen" and "example.com" find maya.chen@example.com. */
function emailKeys(email: string): string[] {
  const folded = foldText(email).trim();
  const starts = [0, ...[...folded.matchAll(emailBreak)].map((match) => match.index + 1)];
  return starts.map((start) => folded.slice(start)).filter((key) => key.length >= 2);
}

/** The bare digits from the start of each group as typed: "(503) 555-0123" gives 5035550123, 5550123 and 0123. */
function phoneKeys(phone: string): string[] {
  const digits = phone.replace(/\D/g, '');
  const groups = [...phone.matchAll(/\d+/g)];
  let before = 0;
  const keys: string[] = [];
  for (const group of groups) {
    keys.push(digits.slice(before));
    before += group[0].length;
  }
  return keys.filter((key) => key.length >= 2);
}

/**
 * A contact's prefix keys: folded words of its name and the whole name, its
 * company's words (a person's), emails, phone digits and tags. Search finds a
 * contact by a range of these keys without reading any text.
 */
export function searchKeysOf(fields: ContactFields, displayName: string): SearchKey[] {
  const keys: SearchKey[] = [
    ...wordsAndWhole(foldText(displayName)).map((key): SearchKey => [searchFields.name, key]),
    ...(fields.kind === 'person' ? companyKeys(fields.company) : []).map((key): SearchKey => [searchFields.company, key]),
    ...fields.emails.flatMap((email) => emailKeys(email.value)).map((key): SearchKey => [searchFields.email, key]),
    ...fields.phones.flatMap((phone) => phoneKeys(phone.value)).map((key): SearchKey => [searchFields.phone, key]),
    ...fields.tags.flatMap((tag) => wordsAndWhole(foldText(tag))).map((key): SearchKey => [searchFields.tag, key]),
  ];
  const seen = new Set<string>();
  return keys
    .map(([field, key]): SearchKey => [field, key.slice(0, longestKey)])
    .filter(([field, key]) => {
      const id = `${field} ${key}`;
      if (seen.has(id)) return false;
      seen.add(id);
      return true;
    });
}
