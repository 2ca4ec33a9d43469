import { describe, expect, it } from 'vitest';
import type { CoreEvent } from '../../shared/api/events.ts';
import type { Transport } from '../helpers/transports.ts';
import { runSteps, type Step } from './parity-case.ts';

// The parity runner holds every answer to the contract: these show that it
// refuses what the contract does not allow, so a passing parity case means something.

function answering(result: unknown, events: unknown[] = []): Transport {
  return { call: async () => result as never, events: events as CoreEvent[], close: async () => {} };
}

const seed: Step[] = [{ call: 'contacts.seedSample' }];

describe('the parity runner', () => {
  it('refuses an answer holding a key the contract does not describe', async () => {
    await expect(runSteps(answering({ ok: true, value: { created: 50, extra: 1 } }), seed)).rejects.toThrow(/more than the contract describes/);
  });

  it('refuses an answer that does not fit the method’s output schema', async () => {
    await expect(runSteps(answering({ ok: true, value: { created: 'fifty' } }), seed)).rejects.toThrow(/output schema/);
  });

  it('refuses an answer with anything beside ok and value', async () => {
    await expect(runSteps(answering({ ok: true, value: { created: 50 }, error: null }), seed)).rejects.toThrow();
  });

  it('refuses an error that does not fit the one error shape', async () => {
    const steps: Step[] = [{ call: 'contacts.seedSample', answerLike: { ok: false } }];
    await expect(runSteps(answering({ ok: false, error: { code: 'OOPS', message: 'x' } }), steps)).rejects.toThrow(/error shape/);
  });

  it('refuses a refusal where a step names no expected answer', async () => {
    await expect(runSteps(answering({ ok: false, error: { code: 'VALIDATION', message: 'x' } }), seed)).rejects.toThrow(/expected success/);
  });

  it('refuses a success for a method the contract does not have', async () => {
    await expect(runSteps(answering({ ok: true, value: {} }), [{ call: 'contacts.explode' }])).rejects.toThrow(/no such method/);
  });

  it('refuses an event whose payload does not fit the contract', async () => {
    const events = [{ name: 'contacts.changed', payload: { ids: [], reason: 'exploded' } }];
    await expect(runSteps(answering({ ok: true, value: { created: 50 } }, events), seed)).rejects.toThrow(/payload does not fit/);
  });
});
