import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, normalize, sep } from 'node:path';

const block = 512;

function field(header: Buffer, start: number, length: number): string {
  const raw = header.subarray(start, start + length);
  const end = raw.indexOf(0);
  return raw.subarray(0, end === -1 ? length : end).toString('utf8');
}

function octal(header: Buffer, start: number, length: number, what: string): number {
  const text = field(header, start, length).trim();
  if (!/^[0-7]*$/.test(text)) throw new Error(`tar: unreadable ${what} "${text}"`);
  return text === '' ? 0 : Number.parseInt(text, 8);
}

/**
 * Extracts a plain tar archive (ustar or GNU headers, regular files and
 * folders only) into `into`. The archives inside @sparticuz/chromium are just
 * that; anything else (links, long names, pax headers) is refused rather than
 * half-extracted, so a future package version fails loudly here.
 */
export function untar(archive: Buffer, into: string): void {
  let offset = 0;
  while (offset + block <= archive.length) {
    const header = archive.subarray(offset, offset + block);
    if (header.every((byte) => byte === 0)) return;
    const magic = field(header, 257, 6);
    if (!magic.startsWith('ustar')) throw new Error(`tar: no ustar header at byte ${offset}`);
    // Only POSIX ustar has a name prefix; GNU keeps other data in those bytes.
    const prefix = header.subarray(257, 263).toString('latin1') === 'ustar\0' ? field(header, 345, 155) : '';
    const name = prefix ? `${prefix}/${field(header, 0, 100)}` : field(header, 0, 100);
    const size = octal(header, 124, 12, 'size');
    const mode = octal(header, 100, 8, 'mode') & 0o777;
    const type = field(header, 156, 1) || '0';
    const target = join(into, safeName(name));
    const body = offset + block;
    if (body + size > archive.length) throw new Error(`tar: ${name} is cut short`);
    if (type === '5') {
      mkdirSync(target, { recursive: true });
    } else if (type === '0') {
      mkdirSync(join(target, '..'), { recursive: true });
      writeFileSync(target, archive.subarray(body, body + size));
      chmodSync(target, mode);
    } else {
      throw new Error(`tar: ${name} has entry type "${type}", which this reader does not extract`);
    }
    offset = body + Math.ceil(size / block) * block;
  }
  throw new Error('tar: the archive ends without its end-of-archive blocks');
}

function safeName(name: string): string {
  const clean = normalize(name);
  if (name === '' || isAbsolute(name) || clean === '..' || clean.startsWith(`..${sep}`)) {
    throw new Error(`tar: refusing the entry "${name}" (outside the target folder)`);
  }
  return clean;
}
