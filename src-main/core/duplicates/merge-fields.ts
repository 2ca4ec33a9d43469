import type { ContactFields } from '../../../shared/contacts/contacts.schemas.ts';
import { emailKey, phoneKey } from './duplicate-keys.ts';

export type Combined = { fields: ContactFields; added: { emails: number; phones: number; tags: number } };

const phoneOrDigits = (value: string) => phoneKey(value) ?? value.replace(/\D/g, '');

/**
 * What a merge keeps: everything the kept contact has stays as it is; it gains
 * the emails, phones and tags it lacks, the fields it left empty, and the other
 * notes after its own. Never overwrites what the user has.
 */
export function combineFields(kept: ContactFields, other: ContactFields): Combined {
  const emailKeys = new Set(kept.emails.map((email) => emailKey(email.value)));
  const emails = other.emails.filter((email) => !emailKeys.has(emailKey(email.value)) && emailKeys.add(emailKey(email.value)));
  const phoneKeys = new Set(kept.phones.map((phone) => phoneOrDigits(phone.value)));
  const phones = other.phones.filter((phone) => !phoneKeys.has(phoneOrDigits(phone.value)) && phoneKeys.add(phoneOrDigits(phone.value)));
  const tagKeys = new Set(kept.tags.map((tag) => tag.toLowerCase()));
  const tags = other.tags.filter((tag) => !tagKeys.has(tag.toLowerCase()) && tagKeys.add(tag.toLowerCase()));
  const notes =
    other.notes === '' || kept.notes.includes(other.notes) ? kept.notes : kept.notes === '' ? other.notes : `${kept.notes}\n\n${other.notes}`;
  const fill = (mine: string, theirs: string) => (mine === '' ? theirs : mine);
  return {
    fields: {
      ...kept,
      firstName: fill(kept.firstName, other.firstName),
      lastName: fill(kept.lastName, other.lastName),
      company: kept.companyId === null ? fill(kept.company, other.company) : kept.company,
      // A link comes over only with its company text, which follows the link.
      companyId: kept.companyId ?? (kept.kind === 'person' && kept.company === '' ? other.companyId : null),
      emails: [...kept.emails, ...emails.map((email) => ({ ...email, primary: false }))],
      phones: [...kept.phones, ...phones.map((phone) => ({ ...phone, primary: false }))],
      address: kept.address ?? other.address,
      birthday: kept.birthday ?? other.birthday,
      notes,
      tags: [...kept.tags, ...tags],
      preferredChannel: kept.preferredChannel ?? other.preferredChannel,
      preferredTime: kept.preferredTime ?? other.preferredTime,
      keepInTouchDays: kept.keepInTouchDays ?? other.keepInTouchDays,
      // Either one's wish not to be contacted automatically holds for the person they both are.
      doNotContactAutomatically: kept.doNotContactAutomatically || other.doNotContactAutomatically,
    },
    added: { emails: emails.length, phones: phones.length, tags: tags.length },
  };
}
