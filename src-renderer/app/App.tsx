import { useEffect } from 'react';
import { BackupScreen } from '../features/backup/BackupScreen.tsx';
import { DamagedDataNotice } from '../features/backup/DamagedDataNotice.tsx';
import { followBackupChanges } from '../features/backup/follow-backup.ts';
import { ContactList } from '../features/contacts/ContactList.tsx';
import { ContactPage } from '../features/contacts/ContactPage.tsx';
import { SearchBox } from '../features/contacts/SearchBox.tsx';
import { announceKeptDrafts } from '../features/contacts/drafts.store.ts';
import { followContactChanges } from '../features/contacts/follow-contacts.ts';
import { TrashView } from '../features/contacts/TrashView.tsx';
import { DuplicatesScreen } from '../features/duplicates/DuplicatesScreen.tsx';
import { followDuplicateChanges } from '../features/duplicates/follow-duplicates.ts';
import { DueNotices } from '../features/followups/DueNotices.tsx';
import { followFollowupChanges } from '../features/followups/follow-followups.ts';
import { TodayScreen } from '../features/followups/TodayScreen.tsx';
import { followHistoryChanges } from '../features/history/follow-history.ts';
import { followInsightsChanges } from '../features/insights/follow-insights.ts';
import { InsightsScreen } from '../features/insights/InsightsScreen.tsx';
import { followPlanChanges } from '../features/plans/follow-plans.ts';
import { PlanEditor } from '../features/plans/PlanEditor.tsx';
import { PlansScreen } from '../features/plans/PlansScreen.tsx';
import { useStartPlan } from '../features/plans/start-plan.store.ts';
import { StartPlanDialog } from '../features/plans/StartPlanDialog.tsx';
import { followTransferChanges } from '../features/transfer/follow-transfer.ts';
import { Toaster } from '../ui/Toaster.tsx';
import { useNavigation, type Route } from './navigation.store.ts';
import { Sidebar } from './Sidebar.tsx';
import { useGlobalShortcuts } from './useGlobalShortcuts.ts';

function Screen({ route }: { route: Route }) {
  switch (route.screen) {
    case 'contacts':
      return <ContactList />;
    case 'new-contact':
      return <ContactPage key="new" id={null} />;
    case 'contact':
      return <ContactPage key={route.id} id={route.id} />;
    case 'trash':
      return <TrashView />;
    case 'today':
      return <TodayScreen />;
    case 'backup':
      return <BackupScreen />;
    case 'duplicates':
      return <DuplicatesScreen />;
    case 'plans':
      return <PlansScreen />;
    case 'new-plan':
      return <PlanEditor key="new" id={null} />;
    case 'plan':
      return <PlanEditor key={route.id} id={route.id} />;
    case 'insights':
      return <InsightsScreen />;
  }
}

export function App() {
  const route = useNavigation((state) => state.route);
  // A modal dialog open: the app behind it takes no keys, clicks or lookups.
  const modal = useStartPlan((state) => state.contactId !== null);
  useGlobalShortcuts();
  useEffect(() => followContactChanges(), []);
  useEffect(() => followHistoryChanges(), []);
  useEffect(() => followFollowupChanges(), []);
  useEffect(() => followBackupChanges(), []);
  useEffect(() => followTransferChanges(), []);
  useEffect(() => followDuplicateChanges(), []);
  useEffect(() => followPlanChanges(), []);
  useEffect(() => followInsightsChanges(), []);
  useEffect(() => announceKeptDrafts(), []);
  return (
    <>
      <div className="app" aria-hidden={modal || undefined} inert={modal}>
        <Sidebar />
        <main className="main">
          {/* In the shell, not in a screen: search is one key away wherever the user is. */}
          <div className="topbar" role="search">
            <SearchBox />
          </div>
          <DamagedDataNotice />
          <DueNotices />
          <Screen route={route} />
        </main>
        <Toaster />
      </div>
      <StartPlanDialog />
    </>
  );
}
