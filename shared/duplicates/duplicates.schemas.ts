import { z } from 'zod';
import { Contact, ContactId } from '../contacts/contacts.schemas.ts';

/** Contacts that look like one person: same normalized email or phone, or very similar names. */
export const DuplicateGroup = z.object({
  reason: z.enum(['email', 'phone', 'name']),
  /** The shared email, phone digits or name, as the user would recognize it. */
  value: z.string(),
  contacts: z.array(Contact).min(2),
});
export type DuplicateGroup = z.infer<typeof DuplicateGroup>;

export const FindDuplicates = z.object({
  limit: z.number().int().min(1).max(500).default(100),
});

export const MergeContacts = z
  .object({
    /** The contact that stays (its name and fields win where both have one). */
    keepId: ContactId,
    /** The contact folded into it: its emails, phones, tags, notes, history, follow-ups and purchases move over. */
    mergeId: ContactId,
  })
  .refine((input) => input.keepId !== input.mergeId, { error: 'Choose two different contacts to merge.', path: ['mergeId'] });

export const MergeResult = z.object({
  mergeId: z.string(),
  kept: Contact,
  /** What moved over, for the confirmation. */
  moved: z.object({ emails: z.number().int(), phones: z.number().int(), tags: z.number().int(), interactions: z.number().int(), followups: z.number().int(), purchases: z.number().int() }),
});
export type MergeResult = z.infer<typeof MergeResult>;

export const UndoMerge = z.object({ mergeId: z.string().min(1, { error: 'Say which merge to undo.' }) });
export const UndoneMerge = z.object({ kept: Contact, restored: Contact });

/** A recorded merge (the contact page's history of merges). */
export const MergeRecord = z.object({
  mergeId: z.string(),
  keptId: z.string(),
  mergedId: z.string(),
  mergedName: z.string(),
  mergedAt: z.string(),
  undoneAt: z.string().nullable(),
});
export type MergeRecord = z.infer<typeof MergeRecord>;
