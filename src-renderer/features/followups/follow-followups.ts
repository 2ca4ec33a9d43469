import { api } from '../../api/api.ts';
import { refetchOn } from '../../api/refetch-on.ts';
import { useContactFollowups } from './contact-followups.store.ts';
import { notifyOnDesktop } from './desktop-reminders.ts';
import { useDueCounts } from './due-counts.store.ts';
import { announce } from './due-notices.store.ts';
import { useToday } from './today.store.ts';

/**
 * Keeps Today, the sidebar's count and the contact page's follow-ups current: a
 * follow-up changed, history changed (losing touch), a contact went to or came back
 * from Trash, or something fell due. Announces what fell due, in the app and (when
 * allowed) on the desktop.
 */
export function followFollowupChanges(): () => void {
  const stopRefetching = refetchOn(['followups.changed', 'followups.due', 'history.changed', 'contacts.changed'], () => {
    void useToday.getState().refresh();
    void useDueCounts.getState().refresh();
    void useContactFollowups.getState().refresh();
  });
  const stopAnnouncing = api.onEvent((event) => {
    if (event.name !== 'followups.due') return;
    announce(event.payload);
    notifyOnDesktop(event.payload);
  });
  return () => {
    stopRefetching();
    stopAnnouncing();
  };
}
