import { z } from 'zod';
import type { ContractSlice } from '../api/slices.ts';
import {
  Contact,
  ContactCounts,
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
} from './contacts.schemas.ts';

const ById = z.object({ id: ContactId });

/** The contacts domain's methods; tags live on contacts, so `tags.list` is here too. */
export const contactsContract = {
  'contacts.create': { input: ContactFields, output: Contact },
  'contacts.update': { input: UpdateContact, output: Contact },
  'contacts.get': { input: ById, output: Contact },
  'contacts.list': { input: ListContactsQuery, output: ContactListPage },
  'contacts.search': { input: SearchContactsQuery, output: z.array(ContactSummary) },
  'contacts.delete': { input: ById, output: Contact },
  'contacts.restore': { input: ById, output: Contact },
  'contacts.trash': { input: TrashQuery, output: TrashPage },
  'contacts.count': { input: z.object({}), output: ContactCounts },
  'contacts.seedSample': { input: z.object({}), output: z.object({ created: z.number().int() }) },
  'tags.list': { input: z.object({}), output: z.array(TagCount) },
} as const satisfies ContractSlice;
