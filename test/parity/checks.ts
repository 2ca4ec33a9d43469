import { expect } from 'vitest';
import type { ApiError } from '../../shared/api/errors.ts';
import type { ContactListPage, ContactSummary } from '../../shared/contacts/contacts.schemas.ts';
import type { CallStep, Kept } from './parity-case.ts';

// Small checks the parity cases share, so a case reads as the story it tells.

/** `{ id }` of a contact an earlier step kept. */
export const idOf =
  (name: string) =>
  (kept: Kept): { id: string } => ({ id: kept[name].id });

/** The hits are exactly these kept contacts, in this order. */
export const ids =
  (...names: string[]) =>
  (hits: ContactSummary[], kept: Kept): void =>
    expect(hits.map((hit) => hit.id)).toEqual(names.map((name) => kept[name].id));

/** The hits show exactly these names, in this order. */
export const displayNames =
  (...names: string[]) =>
  (hits: ContactSummary[]): void =>
    expect(hits.map((hit) => hit.displayName)).toEqual(names);

/** The page lists exactly these names, in this order. */
export const pageNames =
  (...names: string[]) =>
  (page: ContactListPage): void =>
    expect(page.items.map((item) => item.displayName)).toEqual(names);

export type FieldsDetails = { fields: Array<{ path: string; message: string }> };

/** The fields a refusal names. */
export function fieldsOf(error: ApiError): FieldsDetails['fields'] {
  expect(error.code).toBe('VALIDATION');
  return (error.details as FieldsDetails).fields;
}

/** A VALIDATION refusal naming exactly these fields, in any order. */
export const fieldPaths =
  (...paths: string[]) =>
  (error: ApiError): void =>
    expect(fieldsOf(error).map((field) => field.path).sort()).toEqual([...paths].sort());

/** One search, checked. */
export const search = (query: string, check: CallStep['check'], label?: string): CallStep => ({
  call: 'contacts.search',
  input: { query },
  check,
  label: label ?? query,
});

/** One create, kept under `keep` when named. */
export const create = (input: object, keep?: string, check?: CallStep['check']): CallStep => ({ call: 'contacts.create', input, keep, check });
