import type { MethodName, MethodOutput, ParsedInput } from '../../shared/api/contract.ts';
import type { CoreContext } from './context.ts';
import * as contacts from './contacts/contacts.service.ts';
import { sampleContacts } from './contacts/sample-contacts.ts';

export type Handler<M extends MethodName> = (ctx: CoreContext, input: ParsedInput<M>) => Promise<MethodOutput<M>>;
export type Handlers = { [M in MethodName]: Handler<M> };

/** The core's side of the contract: a missing or extra method does not compile. */
export const handlers = {
  'contacts.create': (ctx, input) => contacts.createContact(ctx, input),
  'contacts.update': (ctx, input) => contacts.updateContact(ctx, input),
  'contacts.get': (ctx, input) => contacts.getContact(ctx, input.id),
  'contacts.list': (ctx, input) => contacts.listContacts(ctx, input),
  'contacts.search': (ctx, input) => contacts.searchContacts(ctx, input),
  'contacts.delete': (ctx, input) => contacts.deleteContact(ctx, input.id),
  'contacts.restore': (ctx, input) => contacts.restoreContact(ctx, input.id),
  'contacts.trash': (ctx, input) => contacts.listTrash(ctx, input),
  'contacts.seedSample': (ctx) => contacts.seedSampleContacts(ctx, sampleContacts()),
  'tags.list': (ctx) => contacts.listTags(ctx),
} satisfies Handlers;
