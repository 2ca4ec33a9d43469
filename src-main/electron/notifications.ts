import { Notification } from 'electron';
import type { CoreEvent, EventPayload } from '../../shared/api/events.ts';
import { followupKindNames } from '../../shared/followups/followups.labels.ts';

/** The `followups.due` event's payload: follow-ups that fell due, each announced once ever. */
export type DueAnnouncement = EventPayload<'followups.due'>;

/** Where a click on a notification takes the user; the preload turns it into the page's route. */
export type OpenTarget = { screen: 'contact'; id: string } | { screen: 'today' };

// More at once than this is a burst (a long weekend, a bulk import): one summary
// instead of a stack of notifications the user must dismiss one by one.
const mostSeparateNotices = 3;

/** The announcement inside a core event, if it is one. */
export function dueAnnouncementIn(event: CoreEvent): DueAnnouncement | undefined {
  return event.name === 'followups.due' ? event.payload : undefined;
}

type Notice = { title: string; body: string; target: OpenTarget };

function followUps(count: number): string {
  return count === 1 ? '1 follow-up' : `${count} follow-ups`;
}

/** One notice per follow-up, or one summary for the start-up digest and for bursts. */
export function noticesFor(announcement: DueAnnouncement): Notice[] {
  const { items, missedWhileClosed } = announcement;
  if (items.length === 0) return [];
  const [only] = items;
  const target: OpenTarget = items.length === 1 && only ? { screen: 'contact', id: only.contactId } : { screen: 'today' };
  if (missedWhileClosed) {
    const body = only && items.length === 1 ? `${only.title}, for ${only.contactName}.` : 'Open Today to see them.';
    return [{ title: `While Ambassador was closed, ${followUps(items.length)} fell due`, body, target }];
  }
  if (items.length > mostSeparateNotices) {
    return [{ title: `${followUps(items.length)} are due`, body: 'Open Today to see them.', target }];
  }
  return items.map((item) => ({
    title: `${followupKindNames[item.kind]} for ${item.contactName}`,
    body: item.dueTime ? `${item.title} (due at ${item.dueTime})` : item.title,
    target: { screen: 'contact', id: item.contactId },
  }));
}

/**
 * Shows due follow-ups as native desktop notifications from the main process
 * (the page itself may show none: hardening.ts refuses it every permission).
 * A click calls `open` with where to take the user.
 */
export function createDueNotifier(open: (target: OpenTarget) => void): (announcement: DueAnnouncement) => void {
  // Held until clicked or closed: a notification the garbage collector takes loses its click handler.
  const showing = new Set<Notification>();
  return (announcement) => {
    if (!Notification.isSupported()) return;
    for (const notice of noticesFor(announcement)) {
      const notification = new Notification({ title: notice.title, body: notice.body });
      showing.add(notification);
      notification.on('click', () => {
        showing.delete(notification);
        open(notice.target);
      });
      notification.on('close', () => showing.delete(notification));
      notification.show();
    }
  };
}
