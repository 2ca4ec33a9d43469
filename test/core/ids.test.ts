import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { idSource } from '../../src-main/core/db/id-batch.ts';
import { newId } from '../../src-main/core/db/ids.ts';

const uuidV7 = z.uuid({ version: 'v7' });

describe('record ids', () => {
  it('newId gives UUIDv7s that sort in the order they were made, also within one millisecond', () => {
    const ids = Array.from({ length: 5_000 }, () => newId(4_000_000_000_000));
    for (const id of ids) expect(uuidV7.safeParse(id).success).toBe(true);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids[0]!.slice(0, 13).replace('-', '')).toBe((4_000_000_000_000).toString(16).padStart(12, '0'));
  });

  it('a bulk id source gives the same kind of ids, in order across its blocks', () => {
    const next = idSource(1_000);
    const ids = Array.from({ length: 10_000 }, () => next());
    expect(ids.every((id) => uuidV7.safeParse(id).success)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    const inOneBlock = ids.slice(0, 1_000);
    expect([...inOneBlock].sort()).toEqual(inOneBlock);
  });
});
