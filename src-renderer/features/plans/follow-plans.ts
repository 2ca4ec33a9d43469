import { refetchOn } from '../../api/refetch-on.ts';
import { useContactRuns } from './contact-runs.store.ts';
import { useHeldBack, usePlans } from './plans.store.ts';
import { useSettings } from '../settings/settings.store.ts';

/**
 * Keeps the plan lists, the held-back list, a contact's running plans and the
 * strategy settings current. A plan's running count changes when runs do; a run's
 * progress when its follow-ups are done, snoozed or skipped.
 */
export function followPlanChanges(): () => void {
  const stops = [
    // The lists load when first shown; until then there is nothing to keep current.
    refetchOn(['plans.changed', 'plans.runsChanged'], () => {
      if (usePlans.getState().status !== 'idle') void usePlans.getState().refresh();
    }),
    refetchOn(['plans.runsChanged'], () => {
      if (useHeldBack.getState().loaded) void useHeldBack.getState().refresh();
    }),
    refetchOn(['plans.runsChanged', 'plans.changed', 'followups.changed', 'contacts.changed'], () => void useContactRuns.getState().refresh()),
    refetchOn(['settings.changed'], () => {
      if (useSettings.getState().settings !== null) void useSettings.getState().refresh();
    }),
  ];
  return () => stops.forEach((stop) => stop());
}
