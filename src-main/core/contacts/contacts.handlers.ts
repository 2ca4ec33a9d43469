import type { contactsContract } from '../../../shared/contacts/contacts.contract.ts';
import type { HandlersFor } from '../handler.ts';
import * as contacts from './contacts.service.ts';
import { sampleContacts } from './sample-contacts.ts';

/** The core's side of the contacts slice of the contract. */
export const contactsHandlers = {
  'contacts.create': (ctx, input) => contacts.createContact(ctx, input),
  'contacts.update': (ctx, input) => contacts.updateContact(ctx, input),
  'contacts.get': (ctx, input) => contacts.getContact(ctx, input.id),
  'contacts.list': (ctx, input) => contacts.listContacts(ctx, input),
  'contacts.search': (ctx, input) => contacts.searchContacts(ctx, input),
  'contacts.delete': (ctx, input) => contacts.deleteContact(ctx, input.id),
  'contacts.restore': (ctx, input) => contacts.restoreContact(ctx, input.id),
  'contacts.trash': (ctx, input) => contacts.listTrash(ctx, input),
  'contacts.count': (ctx) => contacts.countContacts(ctx),
  'contacts.seedSample': (ctx) => contacts.seedSampleContacts(ctx, sampleContacts()),
  'tags.list': (ctx) => contacts.listTags(ctx),
} satisfies HandlersFor<typeof contactsContract>;
