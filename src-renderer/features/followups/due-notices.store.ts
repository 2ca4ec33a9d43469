import { create } from 'zustand';
import type { EventPayload } from '../../../shared/api/events.ts';

export type DueAnnouncement = EventPayload<'followups.due'> & { id: number };

type DueNoticesState = {
  /** What the core announced as due and the user has not dismissed yet, oldest first. */
  announcements: DueAnnouncement[];
  dismiss: (id: number) => void;
  dismissAll: () => void;
};

let nextId = 1;

/** The in-app notice of follow-ups that fell due: always shown, whatever the desktop allows. */
export const useDueNotices = create<DueNoticesState>()((set) => ({
  announcements: [],
  dismiss: (id) => set((state) => ({ announcements: state.announcements.filter((announcement) => announcement.id !== id) })),
  dismissAll: () => set({ announcements: [] }),
}));

export function announce(payload: EventPayload<'followups.due'>): void {
  if (payload.items.length === 0) return;
  const id = nextId++;
  useDueNotices.setState((state) => ({ announcements: [...state.announcements, { ...payload, id }] }));
}

export function digestHeadline(announcement: EventPayload<'followups.due'>): string {
  const count = announcement.items.length;
  if (announcement.missedWhileClosed) return `While Ambassador was closed, ${count} follow-up${count === 1 ? '' : 's'} fell due`;
  return count === 1 ? '1 follow-up is due now' : `${count} follow-ups are due now`;
}
