import { useState } from 'react';
import type { PreferredChannel } from '../../../shared/contacts/contacts.schemas.ts';
import type { Direction, Interaction, InteractionChannel, InteractionKind } from '../../../shared/history/history.schemas.ts';
import { instantOn, localDateOf, todayLocal } from '../../ui/dates.ts';
import { placeSaveProblem } from '../../ui/save-problem.ts';
import { logInteraction, updateInteraction } from './history-editing.ts';

export type InteractionDraft = {
  kind: InteractionKind;
  summary: string;
  date: string;
  reasons: string;
  direction: Direction;
  channel: InteractionChannel | '';
  minutes: string;
  cost: string;
  outcome: string;
  /** For a referral: the referrer's name as typed or picked, and their id once picked. */
  referredBy: string;
  referredById: string | null;
};

export type DraftErrors = Partial<Record<keyof InteractionDraft, string>>;

/** The core's field names → the form's. */
const fieldOf: Record<string, keyof InteractionDraft> = {
  kind: 'kind',
  summary: 'summary',
  occurredAt: 'date',
  reasons: 'reasons',
  direction: 'direction',
  channel: 'channel',
  minutes: 'minutes',
  costCents: 'cost',
  outcome: 'outcome',
  referredById: 'referredBy',
};

export function freshDraft(preferredChannel: PreferredChannel | null): InteractionDraft {
  return { kind: 'call', summary: '', date: todayLocal(), reasons: '', direction: 'outbound', channel: preferredChannel ?? '', minutes: '', cost: '', outcome: '', referredBy: '', referredById: null };
}

/** An entry as the form shows it for editing. */
export function draftOf(interaction: Interaction): InteractionDraft {
  return {
    kind: interaction.kind,
    summary: interaction.summary,
    date: localDateOf(new Date(interaction.occurredAt)),
    reasons: interaction.reasons.join(', '),
    direction: interaction.direction,
    channel: interaction.channel ?? '',
    minutes: String(interaction.minutes),
    cost: interaction.costCents === 0 ? '' : (interaction.costCents / 100).toFixed(2),
    outcome: interaction.outcome,
    referredBy: interaction.referredById === null ? '' : 'the contact who referred them',
    referredById: interaction.referredById,
  };
}

export function splitReasons(text: string): string[] {
  return [...new Set(text.split(',').map((reason) => reason.trim()).filter(Boolean))];
}

/** Checks what the browser can before sending; the core checks the rest. */
function toInput(draft: InteractionDraft): { errors: DraftErrors } | { fields: Omit<Parameters<typeof logInteraction>[0], 'contactId'> } {
  const errors: DraftErrors = {};
  if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.date)) errors.date = 'Enter the date as YYYY-MM-DD.';
  const minutes = draft.minutes.trim() === '' ? null : Number(draft.minutes);
  if (minutes !== null && (!Number.isInteger(minutes) || minutes < 0)) errors.minutes = 'Enter the minutes as a whole number, e.g. 15.';
  const cost = draft.cost.trim() === '' ? 0 : Number(draft.cost.replace(',', '.'));
  if (!Number.isFinite(cost) || cost < 0) errors.cost = 'Enter the cost as a number, e.g. 12.50.';
  if (draft.kind === 'referral' && draft.referredBy.trim() !== '' && draft.referredById === null) errors.referredBy = 'Choose who referred them from the list, or clear the name.';
  if (Object.keys(errors).length > 0) return { errors };
  return {
    fields: {
      kind: draft.kind,
      summary: draft.summary,
      occurredAt: instantOn(draft.date),
      reasons: splitReasons(draft.reasons),
      direction: draft.direction,
      channel: draft.channel === '' ? null : draft.channel,
      minutes,
      costCents: Math.round(cost * 100),
      outcome: draft.outcome,
      referredById: draft.kind === 'referral' ? draft.referredById : null,
    },
  };
}

/**
 * The Log interaction form: defaults that make it a few seconds' work, saving, and
 * the errors that come back. Given `editing`, the same form edits that entry.
 */
export function useInteractionDraft(contactId: string, preferredChannel: PreferredChannel | null, onSaved: (saved: Interaction) => void, editing: Interaction | null = null) {
  const [draft, setDraft] = useState(() => (editing ? draftOf(editing) : freshDraft(preferredChannel)));
  const [errors, setErrors] = useState<DraftErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const edit = (change: Partial<InteractionDraft>) => setDraft((current) => ({ ...current, ...change }));

  const save = async () => {
    if (saving) return;
    const prepared = toInput(draft);
    if ('errors' in prepared) {
      setErrors(prepared.errors);
      return;
    }
    setSaving(true);
    // An edit that keeps the day keeps the time it happened.
    const unchangedDay = editing !== null && draft.date === localDateOf(new Date(editing.occurredAt));
    const result = editing
      ? await updateInteraction({
          id: editing.id,
          expectedUpdatedAt: editing.updatedAt,
          fields: { ...prepared.fields, occurredAt: unchangedDay ? editing.occurredAt : prepared.fields.occurredAt },
        })
      : await logInteraction({ contactId, ...prepared.fields });
    setSaving(false);
    if ('saved' in result) {
      setErrors({});
      setMessage(null);
      setDraft(freshDraft(preferredChannel));
      onSaved(result.saved);
      return;
    }
    const placed = placeSaveProblem(result.problem, fieldOf);
    // A message for the whole form leaves the field messages as they were.
    if (!('message' in result.problem)) setErrors(placed.errors);
    setMessage(placed.message);
  };

  return { draft, edit, errors, message, saving, save };
}
