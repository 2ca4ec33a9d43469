import { create } from 'zustand';
import { api } from '../../api/api.ts';
import { refetchOn } from '../../api/refetch-on.ts';

type CurrencyState = {
  /** The settings' currency code; null until loaded (amounts then show as plain numbers). */
  currency: string | null;
  load: () => Promise<void>;
};

/** The currency every amount on a contact's page is shown in, from settings. */
export const useCurrency = create<CurrencyState>()((set) => ({
  currency: null,
  load: async () => {
    try {
      const settings = await api.invoke('settings.get', {});
      set({ currency: settings.currency });
    } catch {
      // Amounts still show, as plain numbers; the next settings change tries again.
    }
  },
}));

/** Loads the currency and keeps it current while a contact's page is open. */
export function followCurrency(): () => void {
  void useCurrency.getState().load();
  return refetchOn(['settings.changed'], () => void useCurrency.getState().load());
}
