import { useEffect, useMemo, useRef, useState } from 'react';
import type { Contact } from '../../../shared/contacts/contacts.schemas.ts';
import { draftFromContact, errorsFromProblems, sameDraft, toSubmission, type Draft, type DraftErrors } from './contact-draft.ts';
import { saveContact } from './contact-editing.ts';
import { newContactKey, useDrafts } from './drafts.store.ts';

export type FormProblem = { kind: 'conflict'; current: Contact } | { kind: 'message'; text: string };

/**
 * A contact form's draft: what is typed, kept in the drafts store as it is typed (so
 * leaving the form by any key or click keeps it and coming back restores it), and
 * saving it, with the field errors and conflict that may come back.
 */
export function useContactDraft(contact: Contact | null, onSaved: (contact: Contact) => void) {
  const [draftKey] = useState(() => contact?.id ?? newContactKey);
  const [kept] = useState(() => useDrafts.getState().drafts[draftKey]);
  const [base, setBase] = useState(contact);
  const [draft, setDraft] = useState<Draft>(() => kept?.draft ?? draftFromContact(contact));
  const [expectedUpdatedAt, setExpectedUpdatedAt] = useState(() => kept?.expectedUpdatedAt ?? contact?.updatedAt ?? null);
  const [restored, setRestored] = useState(kept !== undefined);
  const [errors, setErrors] = useState<DraftErrors>({});
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [saving, setSaving] = useState(false);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const draftRef = useRef(draft);
  draftRef.current = draft;

  const dirty = useMemo(() => !sameDraft(draft, draftFromContact(base)), [draft, base]);
  const name = base?.displayName ?? 'the new contact';

  useEffect(() => {
    const drafts = useDrafts.getState();
    if (dirty) drafts.keep(draftKey, { draft, expectedUpdatedAt, name });
    else drafts.discard(draftKey);
  }, [dirty, draft, draftKey, expectedUpdatedAt, name]);

  /** Back to the saved version (or the one just fetched), dropping the draft. */
  const startOver = (from: Contact | null) => {
    useDrafts.getState().discard(draftKey);
    setBase(from);
    setDraft(draftFromContact(from));
    setExpectedUpdatedAt(from?.updatedAt ?? null);
    setRestored(false);
    setErrors({});
    setProblem(null);
  };

  const edit = (change: Partial<Draft>) => {
    setDraft((current) => ({ ...current, ...change }));
    setSavedAt(null);
  };

  /** `overwriteFrom`: after a conflict, the stored version's `updatedAt`, to save over it on purpose. */
  const save = async (overwriteFrom?: string) => {
    if (saving) return;
    const submitted = draft;
    const prepared = toSubmission(draft);
    if ('errors' in prepared) {
      setErrors(prepared.errors);
      return;
    }
    const { submission } = prepared;
    setSaving(true);
    setProblem(null);
    const editOf = base ? { id: base.id, expectedUpdatedAt: overwriteFrom ?? expectedUpdatedAt ?? base.updatedAt } : null;
    const outcome = await saveContact(editOf, submission.fields);
    if ('saved' in outcome) {
      const { saved } = outcome;
      // What was typed while saving is kept as a draft over the saved version.
      const typedSince = draftRef.current !== submitted;
      if (!typedSince) useDrafts.getState().discard(draftKey);
      setErrors({});
      setBase(saved);
      setExpectedUpdatedAt(saved.updatedAt);
      setRestored(false);
      if (!typedSince) setDraft(draftFromContact(saved));
      setSavedAt(saved.updatedAt);
      onSaved(saved);
    } else if (outcome.problem.kind === 'fields') {
      const found = errorsFromProblems(outcome.problem.problems, submission);
      setErrors(found);
      if (found.form) setProblem({ kind: 'message', text: found.form });
    } else {
      setProblem(outcome.problem);
    }
    setSaving(false);
  };

  return { base, draft, dirty, restored, errors, problem, saving, savedAt, edit, save, startOver };
}
