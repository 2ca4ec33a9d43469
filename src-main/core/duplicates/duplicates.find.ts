import type { DuplicateGroup } from '../../../shared/duplicates/duplicates.schemas.ts';
import { liveContactMethods, liveContactNames, loadContacts } from '../contacts/contacts.service.ts';
import type { Db } from '../db/handle.ts';
import { emailKey, nameKey, phoneKey } from './duplicate-keys.ts';

type Candidate = { reason: DuplicateGroup['reason']; value: string; ids: string[] };

/** Groups contact ids by a key, in the order contacts were added; only keys two or more contacts share. */
function groupBy<T>(items: T[], keyOf: (item: T) => string | null, idOf: (item: T) => string, shown: (item: T, key: string) => string, reason: Candidate['reason']): Candidate[] {
  const groups = new Map<string, { value: string; ids: Set<string> }>();
  for (const item of items) {
    const key = keyOf(item);
    if (key === null) continue;
    const group = groups.get(key) ?? { value: shown(item, key), ids: new Set<string>() };
    group.ids.add(idOf(item));
    groups.set(key, group);
  }
  return [...groups.values()].filter((group) => group.ids.size > 1).map((group) => ({ reason, value: group.value, ids: [...group.ids] }));
}

/**
 * Contacts not in the Trash that look like one person: the same email, the same
 * phone digits, or the same name (see duplicate-keys.ts). One pass over the
 * emails and phones and one over the names, each grouped by its key in a Map:
 * linear in the address book, never every pair. The keys fold accents and keep
 * only digits, which SQLite's SQL cannot do without an extension, so the grouping
 * happens here rather than in a GROUP BY. Contacts already shown together for
 * one reason are not shown again for another.
 */
export async function findDuplicateGroups(db: Db, limit: number): Promise<DuplicateGroup[]> {
  const methods = await liveContactMethods(db);
  const emails = methods.filter((method) => method.type === 'email');
  const phones = methods.filter((method) => method.type === 'phone');
  const names = await liveContactNames(db);
  const candidates = [
    ...groupBy(emails, (method) => emailKey(method.value), (method) => method.contactId, (_method, key) => key, 'email'),
    ...groupBy(phones, (method) => phoneKey(method.value), (method) => method.contactId, (method) => method.value, 'phone'),
    ...groupBy(names, nameKey, (contact) => contact.id, (contact) => contact.displayName, 'name'),
  ];
  const seen = new Set<string>();
  const chosen = candidates
    .filter((candidate) => {
      const set = [...candidate.ids].sort().join(' ');
      if (seen.has(set)) return false;
      seen.add(set);
      return true;
    })
    .slice(0, limit);
  const contacts = new Map((await loadContacts(db, chosen.flatMap((group) => group.ids))).map((contact) => [contact.id, contact]));
  return chosen.map((group) => ({ reason: group.reason, value: group.value, contacts: group.ids.map((id) => contacts.get(id)!) }));
}
