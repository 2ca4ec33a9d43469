import { api } from '../../api/api.ts';
import { refetchOn } from '../../api/refetch-on.ts';
import { useContactList } from '../contacts/contact-list.store.ts';
import { useDrill } from './drill.store.ts';
import { useSettings } from '../settings/settings.store.ts';
import { useInsights } from './insights.store.ts';
import { useProfitTable } from './profit-table.store.ts';

/**
 * Keeps the Insights view current: new figures reload it, settings change what it
 * shows (currency, tiers, thresholds), and the recompute's progress shows as it comes.
 * Nothing loads before the screen was first opened.
 */
export function followInsightsChanges(): () => void {
  const reloadFigures = () => {
    if (!useInsights.getState().loaded) return;
    void useInsights.getState().refresh();
    void useProfitTable.getState().refresh();
    if (useDrill.getState().drill !== null) void useDrill.getState().refresh();
  };
  const stops = [
    refetchOn(['insights.changed', 'settings.changed'], reloadFigures),
    refetchOn(['settings.changed'], () => {
      if (useSettings.getState().settings !== null) void useSettings.getState().refresh();
    }),
    // Stages and tiers are the recompute's: a list filtered by them changes with it.
    refetchOn(['insights.changed', 'loyalty.changed'], () => {
      const { stage, tier } = useContactList.getState();
      if (stage !== null || tier !== null) useContactList.getState().refresh();
    }),
    api.onEvent((event) => {
      if (event.name === 'insights.progress') useInsights.getState().showProgress(event.payload);
      if (event.name === 'insights.changed') useInsights.getState().finishProgress();
    }),
  ];
  return () => stops.forEach((stop) => stop());
}
