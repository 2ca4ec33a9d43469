import type { DispatchResult } from '../../shared/api/result.ts';
import type { Contact, ContactSummary } from '../../shared/contacts/contacts.schemas.ts';
import { createCore, type Core } from '../../src-main/core/core.ts';
import { makeTempDataDir } from '../helpers/temp-data-dir.ts';

/** A real core on a real database file in a temp folder, with typed shortcuts for the contact calls. */
export async function openContactsCore() {
  const data = makeTempDataDir();
  const core: Core = await createCore({ dataDir: data.dir, checkOutputs: true });
  const value = <T>(result: DispatchResult): T => {
    if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result.error)}`);
    return result.value as T;
  };
  return {
    core,
    call: (method: string, input: unknown) => core.dispatch(method, input),
    create: async (input: unknown) => value<Contact>(await core.dispatch('contacts.create', input)),
    search: async (query: string, kind?: 'person' | 'company') =>
      value<ContactSummary[]>(await core.dispatch('contacts.search', kind ? { query, kind } : { query })),
    value,
    close: async () => {
      await core.close();
      data.remove();
    },
  };
}
export type ContactsCore = Awaited<ReturnType<typeof openContactsCore>>;
