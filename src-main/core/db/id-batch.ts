import { randomBytes } from 'node:crypto';

/**
 * Ids for a bulk write: UUIDv7 like `newId` (ids.ts), drawn `block` at a time
 * from one buffer of randomness. One random draw per id cost more than the
 * inserts themselves in a 100,000-row import. Within a block ids keep their
 * order through the 12-bit counter, moving to the next millisecond when it
 * runs out, as newId does.
 */
export function idSource(block = 4096): () => string {
  let ids: string[] = [];
  let next = 0;
  return () => {
    if (next === ids.length) {
      ids = newIds(block, Date.now());
      next = 0;
    }
    return ids[next++]!;
  };
}

function newIds(count: number, now: number): string[] {
  const random = randomBytes(count * 16);
  // One hex spelling of the whole block, cut up per id: spelling each id's bytes
  // on their own cost more than drawing them.
  const hex = random.toString('hex');
  const ids: string[] = [];
  let millis = now;
  let sequence = 0;
  let time = timeHex(millis);
  for (let index = 0; index < count; index += 1, sequence += 1) {
    if (sequence > 0xfff) {
      millis += 1;
      sequence = 0;
      time = timeHex(millis);
    }
    const at = index * 32;
    const variant = (0x80 | (random[index * 16 + 8]! & 0x3f)).toString(16);
    ids.push(`${time}-7${sequence.toString(16).padStart(3, '0')}-${variant}${hex.slice(at + 18, at + 20)}-${hex.slice(at + 20, at + 32)}`);
  }
  return ids;
}

/** The 48-bit milliseconds as a UUID's first two groups: "xxxxxxxx-xxxx". */
function timeHex(millis: number): string {
  const hex = millis.toString(16).padStart(12, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8)}`;
}
