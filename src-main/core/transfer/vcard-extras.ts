import type ICAL from 'ical.js';
import { PreferredChannel, PreferredTime, type Contact, type ContactFieldsInput } from '../../../shared/contacts/contacts.schemas.ts';
import { shorten } from './contact-values.ts';

/**
 * Fields other address books have no property for travel as X- properties, which those programs
 * keep and ignore, so an export re-imported into Ambassador loses nothing.
 */
const EXTRAS = {
  preferredChannel: 'x-ambassador-preferred-channel',
  preferredTime: 'x-ambassador-preferred-time',
  keepInTouchDays: 'x-ambassador-keep-in-touch-days',
} as const;

type Component = InstanceType<typeof ICAL.Component>;

export function writeAmbassadorExtras(card: Component, contact: Contact) {
  if (contact.preferredChannel !== null) card.addPropertyWithValue(EXTRAS.preferredChannel, contact.preferredChannel);
  if (contact.preferredTime !== null) card.addPropertyWithValue(EXTRAS.preferredTime, contact.preferredTime);
  if (contact.keepInTouchDays !== null) card.addPropertyWithValue(EXTRAS.keepInTouchDays, String(contact.keepInTouchDays));
}

export function readAmbassadorExtras(card: Component, fields: ContactFieldsInput, leftOut: string[]) {
  const text = (name: string) => {
    const value: unknown = card.getFirstPropertyValue(name);
    return value === null || value === undefined ? null : String(value).trim();
  };
  const channel = text(EXTRAS.preferredChannel);
  const time = text(EXTRAS.preferredTime);
  const days = text(EXTRAS.keepInTouchDays);
  if (channel !== null) {
    const parsed = PreferredChannel.safeParse(channel);
    if (parsed.success) fields.preferredChannel = parsed.data;
    else leftOut.push(`preferred channel “${shorten(channel)}” not understood`);
  }
  if (time !== null) {
    const parsed = PreferredTime.safeParse(time);
    if (parsed.success) fields.preferredTime = parsed.data;
    else leftOut.push(`preferred time “${shorten(time)}” not understood`);
  }
  if (days !== null) {
    if (/^\d+$/.test(days)) fields.keepInTouchDays = Number(days);
    else leftOut.push(`keep in touch “${shorten(days)}” not understood`);
  }
}
