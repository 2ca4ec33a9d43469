import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contract, isMethodName } from '../../shared/api/contract.ts';
import { ApiError } from '../../shared/api/errors.ts';
import { eventSchemas, type CoreEvent } from '../../shared/api/events.ts';
import type { DispatchResult } from '../../shared/api/result.ts';
import { transports, type Transport } from '../helpers/transports.ts';

// A parity case is data: the calls of one story and what each must answer. The
// same cases run through every transport, and every answer and event is checked
// against the contract, so the transports cannot drift apart or away from it.

/**
 * An answer's value as a case reads it. Its type follows the method, and every
 * value is parsed by the method's output schema before a check sees it.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- checks read whichever method's value they follow
export type Value = any;

/** What earlier steps of a case kept, by the names they kept it under. */
export type Kept = Record<string, Value>;

type FromKept<T> = T | ((kept: Kept) => T);

export type CallStep = {
  /** The method, as the renderer names it. */
  call: string;
  /** Its input (`{}` when left out), or a function of what earlier steps kept. */
  input?: FromKept<object>;
  /** The whole answer, compared with `toEqual`. */
  answer?: FromKept<DispatchResult>;
  /** Part of the answer, compared with `toMatchObject`. */
  answerLike?: FromKept<object>;
  /** More checks of a successful answer's value. */
  check?: (value: Value, kept: Kept) => void;
  /** Checks of a refusal; the step must then be refused. */
  refusal?: (error: ApiError, kept: Kept) => void;
  /** Keeps the answer's value under this name for later steps. */
  keep?: string;
  /** Names the step in a failure (the query of a loop, say). */
  label?: string;
};

/** Waits until the events received so far are exactly these, in order. */
export type EventsStep = { events: FromKept<CoreEvent[]> };

export type Step = CallStep | EventsStep;

/** A step without `answer`, `answerLike` or `refusal` must succeed. */
export type ParityCase = { name: string; steps: Step[] };

function fromKept<T>(given: FromKept<T>, kept: Kept): T {
  return typeof given === 'function' ? (given as (kept: Kept) => T)(kept) : given;
}

/** Holds an answer to the contract: its shape, the method's output schema, or the one error shape. */
function expectContractAnswer(method: string, result: DispatchResult, label: string): void {
  if (result.ok) {
    expect(Object.keys(result).sort(), label).toEqual(['ok', 'value']);
    expect(isMethodName(method), `${label}: answered, but the contract has no such method`).toBe(true);
    const parsed = contract[method as keyof typeof contract].output.safeParse(result.value);
    expect(parsed.error?.issues, `${label}: the answer does not fit the contract's output schema`).toBeUndefined();
    // Parsing drops keys the schema does not name: none may have been there.
    expect(parsed.data, `${label}: the answer holds more than the contract describes`).toEqual(result.value);
  } else {
    expect(Object.keys(result).sort(), label).toEqual(['error', 'ok']);
    const parsed = ApiError.safeParse(result.error);
    expect(parsed.error?.issues, `${label}: the error does not fit the contract's error shape`).toBeUndefined();
  }
}

function expectContractEvents(events: CoreEvent[]): void {
  for (const event of events) {
    expect(Object.hasOwn(eventSchemas, event.name), `${event.name} is not an event of the contract`).toBe(true);
    const parsed = eventSchemas[event.name].safeParse(event.payload);
    expect(parsed.error?.issues, `${event.name}: the payload does not fit the contract`).toBeUndefined();
  }
}

async function runCall(api: Transport, step: CallStep, kept: Kept): Promise<void> {
  const label = step.label === undefined ? step.call : `${step.call} (${step.label})`;
  const result = await api.call(step.call, fromKept(step.input ?? {}, kept));
  expectContractAnswer(step.call, result, label);
  if (step.answer !== undefined) expect(result, label).toEqual(fromKept(step.answer, kept));
  if (step.answerLike !== undefined) expect(result, label).toMatchObject(fromKept(step.answerLike, kept));
  if (step.refusal) {
    if (result.ok) throw new Error(`${label}: expected a refusal, got ${JSON.stringify(result.value)}`);
    step.refusal(result.error, kept);
    return;
  }
  if (!result.ok) {
    if (step.answer === undefined && step.answerLike === undefined) {
      throw new Error(`${label}: expected success, got ${JSON.stringify(result.error)}`);
    }
    return;
  }
  step.check?.(result.value, kept);
  if (step.keep) kept[step.keep] = result.value;
}

export async function runSteps(api: Transport, steps: Step[]): Promise<void> {
  const kept: Kept = {};
  for (const step of steps) {
    if ('events' in step) {
      const expected = fromKept(step.events, kept);
      await expect.poll(() => api.events).toEqual(expected);
    } else {
      await runCall(api, step, kept);
    }
  }
  expectContractEvents(api.events);
}

/** Runs every case through every transport, each case on a fresh database. */
export function runParityCases(subject: string, cases: ParityCase[]): void {
  for (const transport of transports) {
    describe(`${subject}, through the ${transport.name} transport`, () => {
      let api: Transport;
      beforeEach(async () => {
        api = await transport.open();
      });
      afterEach(async () => {
        await api.close();
      });
      for (const { name, steps } of cases) it(name, () => runSteps(api, steps));
    });
  }
}
