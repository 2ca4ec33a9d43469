import type { Contact } from '../../shared/contacts/contacts.schemas.ts';
import type { HistoryHit, Interaction, TimelinePage } from '../../shared/history/history.schemas.ts';
import type { ContactsCore } from './contacts-core.ts';

/** Typed shortcuts for the history calls, on a core opened by `openContactsCore`. */
export function historyCalls(api: ContactsCore) {
  return {
    log: async (input: object) => api.value<Interaction>(await api.call('history.log', input)),
    timeline: async (contactId: string, more: object = {}) => api.value<TimelinePage>(await api.call('history.timeline', { contactId, ...more })),
    search: async (query: string) => api.value<HistoryHit[]>(await api.call('history.search', { query })),
    lastInteractionAt: async (id: string) => api.value<Contact>(await api.call('contacts.get', { id })).lastInteractionAt,
    /** The VALIDATION error's message and the fields it names. */
    refusal: async (method: string, input: object) => {
      const result = await api.call(method, input);
      if (result.ok) throw new Error(`expected ${method} to be refused`);
      const fields = (result.error.details as { fields?: Array<{ path: string }> } | undefined)?.fields ?? [];
      return { code: result.error.code, message: result.error.message, paths: fields.map((field) => field.path) };
    },
  };
}
