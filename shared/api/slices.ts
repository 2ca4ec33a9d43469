import type { z } from 'zod';

/** One method of the contract: its input and output schema. */
export type MethodSpec = { input: z.ZodType; output: z.ZodType };

/** A domain's part of the contract (`shared/<domain>/<domain>.contract.ts`). */
export type ContractSlice = Record<string, MethodSpec>;

/** A domain's events: name → payload schema (`shared/<domain>/<domain>.events.ts`). */
export type EventSlice = Record<string, z.ZodType>;

/**
 * The names the user knows a domain's fields by, keyed by the first part of an
 * input path (`emails` for `emails.0.value`): error messages point at the form with them.
 */
export type FieldLabels = Readonly<Record<string, string>>;

/** Gives every method of a slice its domain's labels, for the central merge in labels.ts. */
export function labelsFor<S extends ContractSlice>(slice: S, labels: FieldLabels): Record<keyof S, FieldLabels> {
  return Object.fromEntries(Object.keys(slice).map((method) => [method, labels])) as Record<keyof S, FieldLabels>;
}
