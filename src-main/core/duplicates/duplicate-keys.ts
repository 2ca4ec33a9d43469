import type { ContactFields } from '../../../shared/contacts/contacts.schemas.ts';
import { foldText } from '../db/text-search.ts';

// What makes two contacts "the same person", shared by Find duplicates and an
// import's matching, so both agree.

/** Emails compare trimmed and lower-cased. */
export function emailKey(value: string): string {
  return value.trim().toLowerCase();
}

/**
 * Phones compare by their digits without an extension, and only their last 10:
 * "+1 (555) 012-3456" and "555 012 3456" match, and so do a number written with
 * its country code and without (+44 20 7946 0958, 020 7946 0958). Fewer than 7
 * digits is too little to call two contacts one (an extension, a short code): null.
 */
export function phoneKey(value: string): string | null {
  const digits = value.replace(/\s*(x|ext\.?)\s*\d+\s*$/i, '').replace(/\D/g, '');
  return digits.length >= 7 ? digits.slice(-10) : null;
}

/**
 * Names compare folded (no accents, lower case), without punctuation, their words
 * sorted: "José García", "jose garcia" and "García, José" match. Null when there
 * is too little of a name to go on.
 */
export function nameKey(contact: { kind: 'person' | 'company'; firstName: string; lastName: string; company: string }): string | null {
  const text = contact.kind === 'company' ? contact.company : `${contact.firstName} ${contact.lastName}`;
  const words = foldText(text)
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .split(/\s+/)
    .filter((word) => word !== '')
    .sort();
  const key = words.join(' ');
  return key.length >= 3 ? `${contact.kind}:${key}` : null;
}

/** The keys an incoming contact is matched on: every email, then every phone. */
export function matchKeys(fields: Pick<ContactFields, 'emails' | 'phones'>): Array<{ key: string; by: 'email' | 'phone'; value: string }> {
  const emails = fields.emails.map((email) => ({ key: `email:${emailKey(email.value)}`, by: 'email' as const, value: emailKey(email.value) }));
  const phones = fields.phones.flatMap((phone) => {
    const digits = phoneKey(phone.value);
    return digits === null ? [] : [{ key: `phone:${digits}`, by: 'phone' as const, value: digits }];
  });
  return [...emails, ...phones];
}
