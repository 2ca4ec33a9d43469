import { useBackupRun } from '../../src-renderer/features/backup/backup-run.store.ts';
import { useBackupStatus } from '../../src-renderer/features/backup/backup-status.store.ts';
import { useRestore } from '../../src-renderer/features/backup/restore.store.ts';
import { useCalendarExport } from '../../src-renderer/features/cards/calendar-export.store.ts';
import { useCards } from '../../src-renderer/features/cards/cards.store.ts';
import { useCompanyPeople } from '../../src-renderer/features/contacts/company-people.store.ts';
import { useCompanyPicker } from '../../src-renderer/features/contacts/company-picker.store.ts';
import { useContactCounts } from '../../src-renderer/features/contacts/contact-counts.store.ts';
import { useContactList } from '../../src-renderer/features/contacts/contact-list.store.ts';
import { useContactSearch } from '../../src-renderer/features/contacts/contact-search.store.ts';
import { useDrafts } from '../../src-renderer/features/contacts/drafts.store.ts';
import { useTrash } from '../../src-renderer/features/contacts/trash.store.ts';
import { useDuplicates } from '../../src-renderer/features/duplicates/duplicates.store.ts';
import { useContactFollowups } from '../../src-renderer/features/followups/contact-followups.store.ts';
import { useDesktopReminders } from '../../src-renderer/features/followups/desktop-reminders.ts';
import { useDueCounts } from '../../src-renderer/features/followups/due-counts.store.ts';
import { useDueNotices } from '../../src-renderer/features/followups/due-notices.store.ts';
import { useToday } from '../../src-renderer/features/followups/today.store.ts';
import { useHistorySearch } from '../../src-renderer/features/history/history-search.store.ts';
import { forgetReferrerNames } from '../../src-renderer/features/history/referrer-names.store.ts';
import { useReferrerPicker } from '../../src-renderer/features/history/referrer-picker.store.ts';
import { useTimeline } from '../../src-renderer/features/history/timeline.store.ts';
import { useDrill } from '../../src-renderer/features/insights/drill.store.ts';
import { useInsights } from '../../src-renderer/features/insights/insights.store.ts';
import { useProfitTable } from '../../src-renderer/features/insights/profit-table.store.ts';
import { useTableExport } from '../../src-renderer/features/insights/table-export.store.ts';
import { useContactRuns } from '../../src-renderer/features/plans/contact-runs.store.ts';
import { useHeldBack, usePlans } from '../../src-renderer/features/plans/plans.store.ts';
import { useStartPlan } from '../../src-renderer/features/plans/start-plan.store.ts';
import { useSettings } from '../../src-renderer/features/settings/settings.store.ts';
import { usePurchaseImport } from '../../src-renderer/features/purchase-import/purchase-import.store.ts';
import { usePurchaseImports } from '../../src-renderer/features/purchase-import/purchase-imports.store.ts';
import { useExport } from '../../src-renderer/features/transfer/export.store.ts';
import { useImport } from '../../src-renderer/features/transfer/import.store.ts';
import { useImports } from '../../src-renderer/features/transfer/imports.store.ts';
import { useToasts } from '../../src-renderer/ui/toast.store.ts';
import { useCurrency } from '../../src-renderer/features/customer-value/currency.store.ts';
import { useCustomerInsight } from '../../src-renderer/features/customer-value/customer-insight.store.ts';
import { useLoyalty } from '../../src-renderer/features/loyalty/loyalty.store.ts';
import { usePurchases } from '../../src-renderer/features/purchases/purchases.store.ts';

/** Every renderer store back to a fresh start, so no test sees another's contacts, drafts or toasts. */
export function resetAppState(): void {
  useContactList.setState(useContactList.getInitialState());
  useContactCounts.setState(useContactCounts.getInitialState());
  useContactSearch.setState(useContactSearch.getInitialState());
  useTrash.setState(useTrash.getInitialState());
  useCompanyPicker.setState(useCompanyPicker.getInitialState());
  useCompanyPeople.setState(useCompanyPeople.getInitialState());
  useDrafts.setState({ drafts: {} });
  useToasts.setState({ toasts: [] });
  useTimeline.setState(useTimeline.getInitialState());
  useHistorySearch.setState(useHistorySearch.getInitialState());
  useReferrerPicker.setState(useReferrerPicker.getInitialState());
  forgetReferrerNames();
  useContactFollowups.setState(useContactFollowups.getInitialState());
  useToday.setState(useToday.getInitialState());
  useDueCounts.setState(useDueCounts.getInitialState());
  useDueNotices.setState({ announcements: [] });
  useDesktopReminders.setState(useDesktopReminders.getInitialState());
  for (const store of [useCards, useCalendarExport, useBackupStatus, useBackupRun, useRestore, useImport, useImports, useExport, useDuplicates, usePlans, useHeldBack, useContactRuns, useStartPlan, useSettings]) {
    (store as { setState: (state: unknown) => void; getInitialState: () => unknown }).setState(store.getInitialState());
  }
  usePurchaseImport.setState(usePurchaseImport.getInitialState());
  usePurchaseImports.setState(usePurchaseImports.getInitialState());
  for (const store of [useInsights, useProfitTable, useDrill, useTableExport]) {
    (store as { setState: (state: unknown) => void; getInitialState: () => unknown }).setState(store.getInitialState());
  }
  for (const store of [usePurchases, useCustomerInsight, useLoyalty, useCurrency]) {
    (store as { setState: (state: unknown) => void; getInitialState: () => unknown }).setState(store.getInitialState());
  }
  sessionStorage.clear();
}
