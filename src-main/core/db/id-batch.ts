import { randomBytes } from 'node:crypto';
import { spellV7 } from './ids.ts';

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
  const ids: string[] = [];
  let millis = now;
  let sequence = 0;
  for (let index = 0; index < count; index += 1, sequence += 1) {
    if (sequence > 0xfff) {
      millis += 1;
      sequence = 0;
    }
    ids.push(spellV7(random.subarray(index * 16, index * 16 + 16), millis, sequence));
  }
  return ids;
}
