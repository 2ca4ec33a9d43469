import { describe, expect, it } from 'vitest';
import { contract } from '../../shared/api/contract.ts';
import { fieldLabels } from '../../shared/api/labels.ts';
import { contactsHandlers } from '../../src-main/core/contacts/contacts.handlers.ts';
import { mergeHandlers } from '../../src-main/core/handler.ts';
import { handlers } from '../../src-main/core/handlers.ts';

// A domain's slices are merged in one line each; the compiler must still refuse
// a handler table that does not match the contract exactly (tsc checks the
// expected errors below: a merge that let them through would fail the typecheck).
const slices = {
  notes: { 'notes.add': async () => ({}) },
};
const withoutGet: Omit<typeof contactsHandlers, 'contacts.get'> = contactsHandlers;

describe('the merged handler table', () => {
  it('refuses, at compile time, a method the contract lacks and a method no slice handles', () => {
    // @ts-expect-error 'notes.add' is in no contract slice.
    expect(() => mergeHandlers({ ...contactsHandlers, ...slices.notes })).not.toThrow();
    // @ts-expect-error 'contacts.get' is in the contract but handled by no slice.
    expect(() => mergeHandlers(withoutGet)).not.toThrow();
  });

  it('has exactly the contract’s methods, each with its domain’s field labels', () => {
    expect(Object.keys(handlers).sort()).toEqual(Object.keys(contract).sort());
    expect(Object.keys(fieldLabels).sort()).toEqual(Object.keys(contract).sort());
  });
});
