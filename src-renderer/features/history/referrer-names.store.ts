import { create } from 'zustand';
import { api } from '../../api/api.ts';

type ReferrerNamesState = {
  /** Display names of the contacts who referred, by id; a missing one is still loading or gone. */
  names: Record<string, string>;
  /** Looks the name up once; the timeline asks for each referral it shows. */
  need: (id: string) => void;
  /** Looks every known name up again, after contacts changed (a rename). */
  refresh: () => void;
};

const asked = new Set<string>();

/** Who referred: the timeline shows "Referred by <name>", and a referral stores only the id. */
export const useReferrerNames = create<ReferrerNamesState>()((set, get) => {
  const load = async (id: string) => {
    try {
      const contact = await api.invoke('contacts.get', { id });
      set((state) => ({ names: { ...state.names, [id]: contact.displayName } }));
    } catch {
      // A referrer deleted for good has no name to show; the entry still reads as a referral.
      asked.delete(id);
    }
  };
  return {
    names: {},
    need: (id) => {
      if (asked.has(id)) return;
      asked.add(id);
      void load(id);
    },
    refresh: () => Object.keys(get().names).forEach((id) => void load(id)),
  };
});

/** For tests: forget every name looked up. */
export function forgetReferrerNames(): void {
  asked.clear();
  useReferrerNames.setState({ names: {} });
}
