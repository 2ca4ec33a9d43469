import { create } from 'zustand';
import type { EventPayload } from '../../../shared/api/events.ts';
import { navigate } from '../../app/navigation.store.ts';
import { digestHeadline } from './due-notices.store.ts';

// Browser mode only: in the desktop app the main process shows native notifications,
// and a second, Web one would announce everything twice.

type Permission = NotificationPermission | 'unsupported';

const current = (): Permission => (window.ambassador || typeof Notification === 'undefined' ? 'unsupported' : Notification.permission);

export const useDesktopReminders = create<{ permission: Permission }>()(() => ({ permission: current() }));

/** Asks the browser, only ever from a click: a prompt on load is refused by browsers and users alike. */
export async function turnOnDesktopReminders(): Promise<void> {
  if (current() === 'unsupported') return;
  const permission = await Notification.requestPermission();
  useDesktopReminders.setState({ permission });
}

export function notifyOnDesktop(payload: EventPayload<'followups.due'>): void {
  if (current() !== 'granted' || payload.items.length === 0) return;
  const [first] = payload.items;
  const single = payload.items.length === 1 && !payload.missedWhileClosed && first;
  const notification = single
    ? new Notification(`Due: ${first.title}`, { body: first.contactName, tag: `followup-${first.id}` })
    : new Notification(digestHeadline(payload), { body: payload.items.map((item) => `${item.title} (${item.contactName})`).join('\n') });
  notification.onclick = () => {
    window.focus();
    navigate(single ? { screen: 'contact', id: single.contactId } : { screen: 'today' });
    notification.close();
  };
}
