import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { inProcessTransport, type Transport } from '../helpers/transports.ts';

// The dispatcher looks through every string of an input for broken text before
// the schema sees it; inputs from IPC can be cyclic and inputs from anywhere deep.
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

  it('walks a very deep input without overflowing the stack', async () => {
    let deep: unknown = 'bottom\ud800';
    for (let depth = 0; depth < 100_000; depth += 1) deep = { deeper: deep };
    const result = await api.call('contacts.create', { firstName: 'Ada', extra: deep });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const [field] = (!result.ok && (result.error.details as { fields: Array<{ path: string }> }).fields) || [];
    expect(field?.path.split('.')).toHaveLength(100_001);
  });
});
