import type { MethodInput } from '../../../shared/api/contract.ts';
import type { Followup, TodayContact } from '../../../shared/followups/followups.schemas.ts';
import { api } from '../../api/api.ts';
import { apiErrorOf } from '../../api/client.ts';
import { formatLocalDate } from '../../ui/dates.ts';
import { saveProblemOf, type SaveProblem } from '../../ui/save-problem.ts';
import { showToast } from '../../ui/toast.store.ts';
import { kindForChannel } from './followup-words.ts';

// Writes to follow-ups. None refreshes a view by hand: `followups.changed` and
// `history.changed` do (follow-followups.ts, follow-history.ts).

export async function createFollowup(input: MethodInput<'followups.create'>): Promise<{ saved: Followup } | { problem: SaveProblem }> {
  try {
    return { saved: await api.invoke('followups.create', input) };
  } catch (thrown) {
    return { problem: saveProblemOf(thrown) };
  }
}

/** Marks it done; the core logs the matching history entry in the same step. */
export async function markDone(followup: Pick<Followup, 'id' | 'title'>): Promise<void> {
  try {
    const { next } = await api.invoke('followups.complete', { id: followup.id });
    showToast({ message: next ? `Done: ${followup.title}. Next one ${formatLocalDate(next.dueDate)}` : `Done: ${followup.title}` });
  } catch (thrown) {
    showToast({ message: apiErrorOf(thrown).message });
  }
}

export async function snooze(followup: Pick<Followup, 'id' | 'title'>, until: string): Promise<void> {
  try {
    await api.invoke('followups.snooze', { id: followup.id, until });
    showToast({ message: `Snoozed until ${formatLocalDate(until)}: ${followup.title}` });
  } catch (thrown) {
    showToast({ message: apiErrorOf(thrown).message });
  }
}

/** Losing touch → back in touch: logs it in their history as their preferred channel would be. */
export async function markInTouch(contact: Pick<TodayContact, 'id' | 'displayName' | 'preferredChannel'>): Promise<void> {
  try {
    await api.invoke('history.log', {
      contactId: contact.id,
      kind: kindForChannel(contact.preferredChannel),
      channel: contact.preferredChannel,
      occurredAt: new Date().toISOString(),
      summary: 'Got back in touch',
    });
    showToast({ message: `Logged: back in touch with ${contact.displayName}` });
  } catch (thrown) {
    showToast({ message: apiErrorOf(thrown).message });
  }
}

/** Losing touch, not now: a follow-up to get in touch on `until`, so it comes back under Upcoming. */
export async function planToGetInTouch(contact: Pick<TodayContact, 'id' | 'displayName' | 'preferredChannel'>, until: string): Promise<void> {
  try {
    const kind = contact.preferredChannel === 'email' ? 'email' : contact.preferredChannel === 'phone' ? 'call' : 'other';
    await api.invoke('followups.create', { contactId: contact.id, kind, title: `Get in touch with ${contact.displayName}`, dueDate: until });
    showToast({ message: `Planned for ${formatLocalDate(until)}: get in touch with ${contact.displayName}` });
  } catch (thrown) {
    showToast({ message: apiErrorOf(thrown).message });
  }
}
