import { contract, isMethodName } from '../../shared/api/contract.ts';
import type { ApiError } from '../../shared/api/errors.ts';
import type { CoreEvent } from '../../shared/api/events.ts';
import type { AmbassadorBridge, DispatchResult, FileChoice } from '../../shared/api/result.ts';
import type { Contact, ContactSummary } from '../../shared/contacts/contacts.schemas.ts';

export type Call = { method: string; input: unknown };
// `never` lets each test declare the input shape its handler reads.
type Handler = (input: never) => unknown;

type Value = Record<string, unknown>;
const contactChange = (reason: 'created' | 'updated' | 'deleted' | 'restored' | 'seeded') => (value: Value): CoreEvent[] => [
  { name: 'contacts.changed', payload: { ids: typeof value.id === 'string' ? [value.id] : [], reason } },
];
const historyChange = (reason: 'logged' | 'updated' | 'deleted' | 'restored') => (value: Value): CoreEvent[] => [
  { name: 'history.changed', payload: { contactIds: [String(value.contactId)], reason } },
];
const followupChange = (reason: 'created' | 'updated' | 'snoozed' | 'skipped' | 'deleted' | 'restored') => (value: Value): CoreEvent[] => [
  { name: 'followups.changed', payload: { ids: [String(value.id)], contactIds: [String(value.contactId)], reason } },
];

const planChange = (reason: 'created' | 'updated' | 'duplicated') => (value: Value): CoreEvent[] => [
  { name: 'plans.changed', payload: { ids: [String(value.id)], reason } },
];
const runChange = (reason: 'started' | 'cancelled') => (value: Value): CoreEvent[] => {
  const steps = value.steps as { followupId: string | null }[];
  return [
    { name: 'plans.runsChanged', payload: { runIds: [String(value.id)], contactIds: [String(value.contactId)], reason } },
    { name: 'followups.changed', payload: { ids: steps.flatMap((step) => (step.followupId ? [step.followupId] : [])), contactIds: [String(value.contactId)], reason: reason === 'started' ? 'created' : 'deleted' } },
  ];
};

/** The change events each write publishes in the core, with the reasons it gives. */
const writes: Partial<Record<string, (value: Value, input: Value) => CoreEvent[]>> = {
  'contacts.create': contactChange('created'),
  'contacts.update': contactChange('updated'),
  'contacts.delete': contactChange('deleted'),
  'contacts.restore': contactChange('restored'),
  'contacts.seedSample': contactChange('seeded'),
  'history.log': historyChange('logged'),
  'history.update': historyChange('updated'),
  'history.delete': historyChange('deleted'),
  'history.restore': historyChange('restored'),
  'followups.create': followupChange('created'),
  'followups.update': followupChange('updated'),
  'followups.snooze': followupChange('snoozed'),
  'followups.skip': followupChange('skipped'),
  'followups.delete': followupChange('deleted'),
  'followups.restore': followupChange('restored'),
  // Mark done logs the history entry in the same transaction: both change.
  'followups.complete': (value) => {
    const { followup, interaction } = value as { followup: Value; interaction: Value };
    return [
      { name: 'followups.changed', payload: { ids: [String(followup.id)], contactIds: [String(followup.contactId)], reason: 'completed' } },
      ...historyChange('logged')(interaction),
    ];
  },
  'plans.create': planChange('created'),
  'plans.update': planChange('updated'),
  'plans.duplicate': planChange('duplicated'),
  'plans.setEnabled': (value) => [{ name: 'plans.changed', payload: { ids: [String(value.id)], reason: value.enabled ? 'enabled' : 'disabled' } }],
  'plans.start': runChange('started'),
  'plans.cancel': runChange('cancelled'),
  'backup.create': () => [{ name: 'backup.changed', payload: { reason: 'created' } }],
  'backup.setFolder': () => [{ name: 'backup.changed', payload: { reason: 'folder' } }],
  'backup.restore': () => [{ name: 'backup.restored', payload: { undone: false } }],
  'backup.undoRestore': () => [{ name: 'backup.restored', payload: { undone: true } }],
  'transfer.importContacts': (value) => {
    const rows = value.rows as { contactId: string | null }[];
    return [
      { name: 'transfer.changed', payload: { batchId: String(value.batchId), reason: 'imported' } },
      { name: 'contacts.changed', payload: { ids: rows.flatMap((row) => (row.contactId ? [row.contactId] : [])), reason: 'imported' } },
    ];
  },
  'transfer.undoImport': (value) => [
    { name: 'transfer.changed', payload: { batchId: String(value.batchId), reason: 'undone' } },
    { name: 'contacts.changed', payload: { ids: [], reason: 'deleted' } },
  ],
  'duplicates.merge': (value) => [
    { name: 'duplicates.changed', payload: { mergeId: String(value.mergeId), reason: 'merged' } },
    { name: 'contacts.changed', payload: { ids: [String((value.kept as Value).id)], reason: 'merged' } },
  ],
  'duplicates.undoMerge': (value, input) => [
    { name: 'duplicates.changed', payload: { mergeId: String(input.mergeId), reason: 'undone' } },
    { name: 'contacts.changed', payload: { ids: [String((value.kept as Value).id), String((value.restored as Value).id)], reason: 'restored' } },
  ],
};

/** What the fake desktop dialogs answer next (a path, or null as if cancelled), and what they were asked. */
type Dialogs = {
  open: string | null;
  save: string | null;
  asked: { dialog: 'open' | 'save'; choice: FileChoice & { suggestedName?: string } }[];
};

/** Thrown by a handler to answer with an ApiError, as the core's dispatcher would. */
export class Fail {
  readonly error: ApiError;

  constructor(error: ApiError) {
    this.error = error;
  }
}

/**
 * An in-memory stand-in for the preload's `window.ambassador`: the renderer under
 * test picks it as its IPC transport, so components run their real store and client.
 * Inputs and answers are checked against the contract: a call the core would refuse
 * cannot succeed, and a handler's answer must be one the core could give. Like the
 * core, a write that succeeds publishes its change events; `holdEvents` keeps them
 * back (as a slow event stream would) until `releaseEvents`. It has the desktop
 * app's native file dialogs (answering `dialogs.open` / `dialogs.save`) unless
 * `browserFiles`, which leaves the renderer to browser mode's upload and download.
 */
export function installFakeBridge({ browserFiles = false }: { browserFiles?: boolean } = {}) {
  const dialogs: Dialogs = { open: null, save: null, asked: [] };
  const handlers = new Map<string, Handler>();
  const listeners = new Set<(event: { name: string; payload: unknown }) => void>();
  const calls: Call[] = [];
  let held: CoreEvent[] | null = null;
  const emit = (event: CoreEvent) => {
    if (held) held.push(event);
    else listeners.forEach((listener) => listener(event));
  };
  const bridge: AmbassadorBridge = {
    invoke: async (method, input) => {
      calls.push({ method, input });
      const handler = handlers.get(method);
      if (!handler || !isMethodName(method)) return { ok: false, error: { code: 'INTERNAL', message: `${method} is not faked` } };
      try {
        const answer = await handler(input as never);
        // The core never answers an input its contract refuses; a test that fakes a refusal throws a Fail instead.
        const refused = contract[method].input.safeParse(input).error;
        if (refused) throw new Error(`${method} was sent an input the contract refuses: ${refused.message}`);
        const value = contract[method].output.parse(answer);
        writes[method]?.(value as Value, input as Value).forEach(emit);
        return { ok: true, value } as DispatchResult;
      } catch (thrown) {
        if (thrown instanceof Fail) return { ok: false, error: thrown.error };
        throw thrown;
      }
    },
    onEvent: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  if (!browserFiles) {
    bridge.files = {
      chooseOpen: async (choice) => {
        dialogs.asked.push({ dialog: 'open', choice });
        return dialogs.open;
      },
      chooseSave: async (choice) => {
        dialogs.asked.push({ dialog: 'save', choice });
        return dialogs.save;
      },
    };
  }
  window.ambassador = bridge;
  return {
    calls,
    dialogs,
    handle: (method: string, handler: Handler) => handlers.set(method, handler),
    emit,
    holdEvents: () => {
      held ??= [];
    },
    releaseEvents: () => {
      const events = held ?? [];
      held = null;
      events.forEach(emit);
    },
    callsTo: <T = Record<string, unknown>>(method: string) =>
      calls.filter((call) => call.method === method).map((call) => call.input as T),
    reset: () => {
      handlers.clear();
      calls.length = 0;
      held = null;
      Object.assign(dialogs, { open: null, save: null, asked: [] });
    },
  };
}

export type FakeBridge = ReturnType<typeof installFakeBridge>;

export function contactId(n: number): string {
  return `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
}

export function summary(n: number, change: Partial<ContactSummary> = {}): ContactSummary {
  return {
    id: contactId(n),
    kind: 'person',
    displayName: `Contact ${String(n).padStart(6, '0')}`,
    company: `Company ${n % 97}`,
    primaryEmail: `contact${n}@example.com`,
    primaryPhone: null,
    tags: n % 3 === 0 ? ['customer'] : [],
    updatedAt: '2025-03-01T10:00:00.000Z',
    deletedAt: null,
    ...change,
  };
}

/** `contacts.list` over `total` generated contacts, answering any offset without holding them all. */
export function directoryOf(total: number) {
  return (input: { offset?: number; limit?: number }) => {
    const offset = input.offset ?? 0;
    const end = Math.min(total, offset + (input.limit ?? 100));
    const items = [];
    for (let n = offset; n < end; n++) items.push(summary(n));
    return { items, nextCursor: null, total };
  };
}

export function fullContact(change: Partial<Contact> = {}): Contact {
  return {
    id: contactId(1),
    kind: 'person',
    firstName: 'Ada',
    lastName: 'Lovelace',
    company: 'Analytical Engines',
    companyId: null,
    emails: [{ label: 'work', value: 'ada@example.com', primary: true }],
    phones: [],
    address: null,
    birthday: null,
    notes: '',
    tags: ['math'],
    preferredChannel: null,
    preferredTime: null,
    keepInTouchDays: null,
    doNotContactAutomatically: false,
    displayName: 'Ada Lovelace',
    lastInteractionAt: null,
    createdAt: '2025-01-01T09:00:00.000Z',
    updatedAt: '2025-01-02T09:00:00.000Z',
    deletedAt: null,
    ...change,
  };
}

/** jsdom lays nothing out: give every element a viewport so the virtualizer renders rows. */
export function giveElementsASize(height = 480, width = 1000): void {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => height });
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => width });
}
