/**
 * vCard 2.1 (old phones, Outlook, Android's default export) as 3.0 text ical.js can read: no parser
 * reads 2.1 right, and ical.js throws on its quoted-printable soft line breaks. Joins soft breaks,
 * decodes quoted-printable in the CHARSET it names, and turns bare WORK / HOME / CELL into TYPE=….
 */

const encoder = new TextEncoder();
const ENCODING_WORDS = new Set(['QUOTED-PRINTABLE', 'BASE64', 'B', '8BIT', '7BIT']);

function decoderFor(charset: string | undefined): TextDecoder {
  try {
    return new TextDecoder(charset ?? 'utf-8', { fatal: true });
  } catch {
    return new TextDecoder('utf-8', { fatal: true });
  }
}

function decodeQuotedPrintable(value: string, charset: string | undefined): string {
  const bytes: number[] = [];
  for (let index = 0; index < value.length; index += 1) {
    const character = value[index] ?? '';
    const hex = value.slice(index + 1, index + 3);
    if (character === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      index += 2;
    } else if (character.charCodeAt(0) < 0x80) {
      bytes.push(character.charCodeAt(0));
    } else {
      for (const byte of encoder.encode(character)) bytes.push(byte);
    }
  }
  const data = new Uint8Array(bytes);
  try {
    return decoderFor(charset).decode(data);
  } catch {
    return new TextDecoder('windows-1252').decode(data);
  }
}

/** Splits at the first colon outside double quotes: "NAME;PARAMS" and the value. */
function splitLine(line: string): [string, string] | null {
  let quoted = false;
  for (let index = 0; index < line.length; index += 1) {
    if (line[index] === '"') quoted = !quoted;
    else if (line[index] === ':' && !quoted) return [line.slice(0, index), line.slice(index + 1)];
  }
  return null;
}

const isQuotedPrintable = (head: string) => /QUOTED-PRINTABLE/i.test(head);

/** Logical lines: folded lines unfolded, quoted-printable soft breaks joined, blank lines dropped. */
function logicalLines(lines: string[]): string[] {
  const logical: string[] = [];
  for (let index = 0; index < lines.length; index += 1) {
    let line = lines[index] ?? '';
    if (/^[ \t]/.test(line) && logical.length > 0) {
      logical[logical.length - 1] += line.slice(1);
      continue;
    }
    if (line.trim() === '') continue;
    const head = splitLine(line)?.[0] ?? '';
    while (isQuotedPrintable(head) && line.endsWith('=') && index + 1 < lines.length) {
      index += 1;
      line = line.slice(0, -1) + (lines[index] ?? '');
    }
    logical.push(line);
  }
  return logical;
}

function convertLine(line: string): string {
  const split = splitLine(line);
  if (split === null) return line;
  const [head, rawValue] = split;
  const [name = '', ...params] = head.split(';');
  if (/^VERSION$/i.test(name)) return /^\s*2\.1/.test(rawValue) ? 'VERSION:3.0' : line;
  let charset: string | undefined;
  let encoding: string | undefined;
  const kept: string[] = [];
  for (const param of params) {
    const equals = param.indexOf('=');
    const key = (equals === -1 ? '' : param.slice(0, equals)).trim().toUpperCase();
    const value = (equals === -1 ? param : param.slice(equals + 1)).trim();
    if (key === 'CHARSET') charset = value;
    else if (key === 'ENCODING' || (key === '' && ENCODING_WORDS.has(value.toUpperCase()))) encoding = value.toUpperCase();
    else if (key === '') kept.push(`TYPE=${value}`);
    else kept.push(`${key}=${value}`);
  }
  let value = rawValue;
  if (encoding === 'QUOTED-PRINTABLE') value = decodeQuotedPrintable(rawValue, charset).replace(/\r\n|\r|\n/g, '\\n');
  if (encoding === 'BASE64' || encoding === 'B') kept.push('ENCODING=b');
  return [name, ...kept].join(';') + ':' + value;
}

/** A 2.1 card's lines as 3.0 text. */
export function vcard21As30(lines: string[]): string {
  return logicalLines(lines).map(convertLine).join('\r\n');
}

/** A parameter without "=", as 2.1 writes them ("TEL;CELL:"); ical.js refuses those in any version. */
const hasBareParameter = (head: string) => head.split(';').slice(1).some((param) => !param.includes('='));

/** Whether a card needs the 2.1 pass: it says 2.1, or uses quoted-printable or bare parameters anyway. */
export function needsVcard21Pass(lines: string[]): boolean {
  return lines.some((line) => {
    if (/^VERSION:\s*2\.1/i.test(line)) return true;
    const head = /^[ \t]/.test(line) ? '' : (splitLine(line)?.[0] ?? '');
    return isQuotedPrintable(head) || hasBareParameter(head);
  });
}
