import { z } from 'zod';
import {
  Contact,
  ContactFields,
  ContactId,
  ContactListPage,
  ContactSummary,
  ListContactsQuery,
  SearchContactsQuery,
  TagCount,
  TrashPage,
  TrashQuery,
  UpdateContact,
} from '../contacts/contacts.schemas.ts';

export type MethodSpec = { input: z.ZodType; output: z.ZodType };

const ById = z.object({ id: ContactId });

/**
 * Every method the core offers, `domain.verb`, with its input and output schema.
 * The core's handler table must satisfy this; the renderer's client is typed by it.
 */
export const contract = {
  'contacts.create': { input: ContactFields, output: Contact },
  'contacts.update': { input: UpdateContact, output: Contact },
  'contacts.get': { input: ById, output: Contact },
  'contacts.list': { input: ListContactsQuery, output: ContactListPage },
  'contacts.search': { input: SearchContactsQuery, output: z.array(ContactSummary) },
  'contacts.delete': { input: ById, output: Contact },
  'contacts.restore': { input: ById, output: Contact },
  'contacts.trash': { input: TrashQuery, output: TrashPage },
  'contacts.seedSample': { input: z.object({}), output: z.object({ created: z.number().int() }) },
  'tags.list': { input: z.object({}), output: z.array(TagCount) },
} as const satisfies Record<string, MethodSpec>;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
/** What a caller passes: defaults may be left out. */
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
/** What a handler receives: validated, defaults filled in. */
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>;

export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(contract, name);
}
