import type { TextEncoding } from '../../../shared/transfer/transfer.schemas.ts';

/** A seeded generator (mulberry32): the same seed gives the same mutations on every run. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

/** The original bytes [from, to) replaced by others; `to` is at least from + 1 so an insertion touches a byte. */
export type Mutation = { kind: string; bytes: Uint8Array; from: number; to: number };

const NASTY = [0x22, 0x00, 0x0d, 0x0a, 0x2c, 0x3b, 0x09, 0x3a, 0x3d, 0x5c, 0xff, 0xfe, 0xc3, 0x80, 0x20];

function splice(original: Uint8Array, from: number, to: number, insert: ArrayLike<number>): Uint8Array {
  const result = new Uint8Array(original.length - (to - from) + insert.length);
  result.set(original.subarray(0, from), 0);
  result.set(insert, from);
  result.set(original.subarray(to), from + insert.length);
  return result;
}

export function mutate(original: Uint8Array, random: () => number): Mutation {
  const at = Math.floor(random() * original.length);
  const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)] as T;
  const choice = random();
  const touch = (kind: string, from: number, to: number, insert: ArrayLike<number>): Mutation => ({
    kind,
    bytes: splice(original, from, to, insert),
    from,
    to: Math.max(to, from + 1),
  });
  if (choice < 0.15) return touch('drop a byte', at, at + 1, []);
  if (choice < 0.25) return touch('duplicate a byte', at, at + 1, [original[at] ?? 0, original[at] ?? 0]);
  if (choice < 0.35) return touch('swap two bytes', at, Math.min(at + 2, original.length), [...original.subarray(at, at + 2)].reverse());
  if (choice < 0.6) return touch('insert a byte', at, at, [pick(NASTY)]);
  if (choice < 0.72) {
    const length = 1 + Math.floor(random() * 12);
    return touch('replace a stretch', at, Math.min(original.length, at + length), Array.from({ length: Math.floor(random() * 12) }, () => (random() < 0.5 ? pick(NASTY) : Math.floor(random() * 256))));
  }
  if (choice < 0.8) return touch('insert a quote pair', at, at, [0x22, 0x22, 0x22]);
  if (choice < 0.95) return touch('truncate', at, original.length, []);
  const size = random() < 0.8 ? 10_000 : 300_000;
  return touch('huge field', at, at, new Uint8Array(size).fill(0x41 + Math.floor(random() * 26)));
}

/** The same text in another encoding, with its byte order mark. */
export function reencode(text: string, encoding: Exclude<TextEncoding, 'windows-1252'>): Uint8Array {
  if (encoding === 'utf-8') return new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);
  const little = Buffer.from(text, 'utf16le');
  const body = encoding === 'utf-16le' ? little : Buffer.from(little).swap16();
  return new Uint8Array([...(encoding === 'utf-16le' ? [0xff, 0xfe] : [0xfe, 0xff]), ...body]);
}

/** Which line (1-based) each byte is on; a line break belongs to the line it ends. UTF-16 counts in 2-byte units. */
export function lineOfEachByte(bytes: Uint8Array, utf16: 'le' | 'be' | null): Uint32Array {
  const lines = new Uint32Array(bytes.length);
  const width = utf16 === null ? 1 : 2;
  const unit = (index: number) => (utf16 === null ? bytes[index] : utf16 === 'le' ? (bytes[index] ?? 0) | ((bytes[index + 1] ?? 0) << 8) : ((bytes[index] ?? 0) << 8) | (bytes[index + 1] ?? 0));
  let line = 1;
  for (let index = 0; index < bytes.length; index += width) {
    lines.fill(line, index, index + width);
    const code = unit(index);
    if (code === 0x0a || (code === 0x0d && unit(index + width) !== 0x0a)) line += 1;
  }
  return lines;
}

/** Line breaks in a text, CRLF counted once. */
export function countLineBreaks(text: string): number {
  return (text.match(/\r\n|\r|\n/g) ?? []).length;
}
