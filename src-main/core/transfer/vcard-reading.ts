import ICAL from 'ical.js';
import type { ContactFieldsInput } from '../../../shared/contacts/contacts.schemas.ts';
import { addAddressPart, buildRecord, newParts, type ContactParts, type ContactRecord } from './contact-record.ts';
import { readBirthday, readLabel, shorten } from './contact-values.ts';
import { needsVcard21Pass, vcard21As30 } from './vcard-2-1.ts';
import { readAmbassadorExtras } from './vcard-extras.ts';

type Card = { line: number; lines: string[]; ended: boolean };

const BEGIN = /^\s*BEGIN:VCARD\s*$/i;
const END = /^\s*END:VCARD\s*$/i;

type Stray = { line: number; lastLine: number };

/**
 * The file's cards, each with the line it starts on: one broken card cannot take the others with
 * it. Text outside any card (a card whose BEGIN:VCARD was lost) is kept as a stray stretch, so it
 * is reported rather than dropped.
 */
function splitCards(text: string): Array<Card | Stray> {
  const lines = text.split(/\r\n|\n|\r/);
  const pieces: Array<Card | Stray> = [];
  let current: Card | null = null;
  let stray: Stray | null = null;
  lines.forEach((line, index) => {
    if (BEGIN.test(line)) {
      if (current !== null) pieces.push(current);
      stray = null;
      current = { line: index + 1, lines: [line], ended: false };
    } else if (current !== null) {
      current.lines.push(line);
      if (END.test(line)) {
        current.ended = true;
        pieces.push(current);
        current = null;
      }
    } else if (line.trim() !== '') {
      if (stray === null) {
        stray = { line: index + 1, lastLine: index + 1 };
        pieces.push(stray);
      } else stray.lastLine = index + 1;
    }
  });
  if (current !== null) pieces.push(current);
  return pieces;
}

type Property = InstanceType<typeof ICAL.Property>;

const textOf = (value: unknown): string => (Array.isArray(value) ? value.map(textOf).filter((part) => part !== '').join(' ') : String(value ?? ''));

/** Unescaped commas split a text value into several; what is left escaped is unescaped here. */
function joinedText(property: Property): string {
  return property
    .getValues()
    .map(textOf)
    .join(',')
    .replace(/\\([;,\\])/g, '$1');
}

function typesOf(property: Property): string[] {
  const type: unknown = property.getParameter('type');
  const types = Array.isArray(type) ? type : typeof type === 'string' ? type.split(',') : [];
  return types.map((value) => String(value).toLowerCase());
}

/** Our label from the property's TYPE, or from Apple's X-ABLabel in the same item group. */
function labelOf(property: Property, groupLabels: Map<string, string>, phone: boolean): { label?: string; primary?: boolean } {
  const types = typesOf(property);
  const primary = types.includes('pref') || property.getParameter('pref') === '1';
  const group = property.jCal[1]['group'];
  const grouped = typeof group === 'string' ? groupLabels.get(group.toLowerCase()) : undefined;
  const fromType = phone && types.includes('fax') ? 'fax' : (types.map(readLabel).find((label) => label !== '' && label !== 'phone') ?? '');
  const label = grouped !== undefined ? readLabel(grouped) : fromType;
  return { ...(label === '' ? {} : { label }), ...(primary ? { primary: true } : {}) };
}

const LEFT_OUT_WORDS: Record<string, string> = {
  title: 'job title',
  nickname: 'nickname',
  url: 'website',
  role: 'role',
  anniversary: 'anniversary',
  impp: 'chat address',
  logo: 'logo',
};

function readProperty(property: Property, fields: ContactFieldsInput, parts: ContactParts, groupLabels: Map<string, string>) {
  if (property.name === 'bday') {
    // The raw text: ical.js decodes dates only when asked, and throws then on one it cannot read.
    const reading = readBirthday(textOf(property.jCal[3]));
    if ('notUnderstood' in reading) parts.leftOut.push(reading.notUnderstood);
    else fields.birthday ??= reading.birthday;
    return;
  }
  const value = property.getFirstValue();
  switch (property.name) {
    case 'fn':
      parts.fullName = joinedText(property);
      return;
    case 'n': {
      const [family = '', given = ''] = Array.isArray(value) ? value.map(textOf) : [textOf(value)];
      parts.lastNames.push(family);
      parts.firstNames.push(given);
      return;
    }
    case 'org':
      fields.company ??= Array.isArray(value) ? textOf(value[0]) : textOf(value);
      return;
    case 'kind':
      if (/^org(anization)?$/i.test(textOf(value))) fields.kind = 'company';
      return;
    case 'x-abshowas':
      if (/^company$/i.test(textOf(value))) fields.kind = 'company';
      return;
    case 'email':
      parts.emails.push({ value: textOf(value).replace(/^mailto:/i, ''), ...labelOf(property, groupLabels, false) });
      return;
    case 'tel':
      parts.phones.push({ value: textOf(value).replace(/^tel:/i, ''), ...labelOf(property, groupLabels, true) });
      return;
    case 'adr': {
      const [poBox = '', extended = '', street = '', city = '', region = '', postalCode = '', country = ''] = Array.isArray(value) ? value.map(textOf) : [];
      const group = `adr ${parts.addresses.size}`;
      for (const line of [street, extended, poBox]) if (line.trim() !== '') addAddressPart(parts, group, 'street', line);
      addAddressPart(parts, group, 'city', city);
      addAddressPart(parts, group, 'region', region);
      addAddressPart(parts, group, 'postalCode', postalCode);
      addAddressPart(parts, group, 'country', country);
      return;
    }
    case 'note':
      parts.notes.push(joinedText(property));
      return;
    case 'categories':
      parts.tags.push(...property.getValues().map(textOf).map((tag) => tag.trim()).filter((tag) => tag !== ''));
      return;
    case 'photo':
      parts.photo = true;
      return;
    default: {
      const words = LEFT_OUT_WORDS[property.name];
      if (words !== undefined && textOf(value).trim() !== '') parts.leftOut.push(`${words} “${shorten(textOf(value))}” left out`);
    }
  }
}

function readCard(card: Card): { record: ContactRecord; photo: boolean } {
  const problem = (why: string) => ({ record: { line: card.line, name: `card at line ${card.line}`, problem: why }, photo: false });
  if (!card.ended) return problem('The card has no END:VCARD: the file may be cut short.');
  const text = needsVcard21Pass(card.lines) ? vcard21As30(card.lines) : card.lines.join('\r\n');
  let component: InstanceType<typeof ICAL.Component>;
  try {
    const parsed: unknown = ICAL.parse(text);
    component = new ICAL.Component(Array.isArray(parsed) && Array.isArray(parsed[0]) ? parsed[0] : (parsed as never));
  } catch (error) {
    return problem(`The card cannot be read: ${error instanceof Error ? error.message : String(error)}.`);
  }
  const properties = component.getAllProperties();
  const groupLabels = new Map<string, string>();
  for (const property of properties) {
    const group = property.jCal[1]['group'];
    if (property.name === 'x-ablabel' && typeof group === 'string') groupLabels.set(group.toLowerCase(), textOf(property.getFirstValue()));
  }
  const fields: ContactFieldsInput = {};
  const parts = newParts();
  for (const property of properties) {
    try {
      readProperty(property, fields, parts, groupLabels);
    } catch {
      parts.leftOut.push(`${property.name.toUpperCase()} could not be read`);
    }
  }
  readAmbassadorExtras(component, fields, parts.leftOut);
  const record = buildRecord(card.line, fields, parts);
  if (!('problem' in record) && parts.fullName.trim() !== '') record.name = parts.fullName.trim();
  return { record, photo: parts.photo };
}

/** A card ical.js chokes on in a way not foreseen is still one problem record, never a failed file. */
function readCardSafely(card: Card): { record: ContactRecord; photo: boolean } {
  try {
    return readCard(card);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return { record: { line: card.line, name: `card at line ${card.line}`, problem: `The card cannot be read: ${why}.` }, photo: false };
  }
}

/** Every card in the text, in order, and how many photos were left behind. */
export function readVcardText(text: string): { records: ContactRecord[]; photosSkipped: number } {
  const pieces = splitCards(text);
  if (pieces.length > 0 && pieces.every((piece) => !('lines' in piece))) {
    const line = pieces[0]?.line ?? 1;
    return { records: [{ line, name: `line ${line}`, problem: 'No BEGIN:VCARD found: this does not look like a vCard file.' }], photosSkipped: 0 };
  }
  const records: ContactRecord[] = [];
  let photosSkipped = 0;
  for (const piece of pieces) {
    if (!('lines' in piece)) {
      const where = piece.lastLine === piece.line ? `Line ${piece.line} is` : `Lines ${piece.line}–${piece.lastLine} are`;
      records.push({ line: piece.line, name: `line ${piece.line}`, problem: `${where} outside any card: its BEGIN:VCARD may be missing.` });
      continue;
    }
    const { record, photo } = readCardSafely(piece);
    records.push(record);
    if (photo) photosSkipped += 1;
  }
  return { records, photosSkipped };
}
