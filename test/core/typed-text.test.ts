import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { inProcessTransport, type Transport } from '../helpers/transports.ts';

// The dispatcher looks through every string the schema kept for broken text;
// inputs from IPC can be cyclic and inputs from anywhere deep.
describe('the broken-text check on inputs of any shape', () => {
  let api: Transport;
  beforeEach(async () => {
    api = await inProcessTransport();
  });
  afterEach(() => api.close());

  it('walks a cyclic input once and still finds the broken field', async () => {
    const input: Record<string, unknown> = { firstName: 'Ada', lastName: 'Love\udfffLace' };
    input.again = input;
    const result = await api.call('contacts.create', input);
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: { fields: [{ path: 'lastName' }] } } });
  });

  it('checks what the schema kept, so a very deep input it ignores cannot overflow the stack', async () => {
    let deep: unknown = 'bottom\ud800';
    for (let depth = 0; depth < 100_000; depth += 1) deep = { deeper: deep };
    const result = await api.call('contacts.create', { firstName: 'Ada', extra: deep });
    expect(result).toMatchObject({ ok: true, value: { firstName: 'Ada' } });
    expect(result.ok && 'extra' in (result.value as object)).toBe(false);
  });
});
