import { randomBytes } from 'node:crypto';

let lastMillis = 0;
let sequence = 0;

/**
 * A UUIDv7 (RFC 9562): 48-bit Unix milliseconds, then randomness. Ids made in the
 * same millisecond keep their order through a 12-bit counter, so ids sort by
 * creation time even in a bulk import.
 */
export function newId(now: number = Date.now()): string {
  if (now <= lastMillis) {
    sequence += 1;
    if (sequence > 0xfff) {
      lastMillis += 1;
      sequence = 0;
    }
  } else {
    lastMillis = now;
    sequence = 0;
  }
  return spellV7(randomBytes(16), lastMillis, sequence);
}

/**
 * Writes the UUIDv7 fields over 16 random bytes (48-bit milliseconds, version,
 * the 12-bit counter, the variant) and spells the id out.
 */
export function spellV7(bytes: Buffer, millis: number, sequence: number): string {
  bytes.writeUIntBE(millis, 0, 6);
  bytes[6] = 0x70 | (sequence >> 8);
  bytes[7] = sequence & 0xff;
  bytes[8] = 0x80 | (bytes[8]! & 0x3f);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
