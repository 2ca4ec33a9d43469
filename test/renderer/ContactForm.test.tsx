// @vitest-environment jsdom
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { draftFromContact } from '../../src-renderer/features/contacts/contact-draft.ts';
import { ContactForm, conflictMessage, unsavedMessage } from '../../src-renderer/features/contacts/ContactForm.tsx';
import { useDrafts } from '../../src-renderer/features/contacts/drafts.store.ts';
import { contactId, Fail, fullContact } from './fake-bridge.ts';
import { resetAppState } from './app-state.ts';

const fake = await vi.hoisted(async () => (await import('./fake-bridge.ts')).installFakeBridge());

beforeEach(() => {
  fake.reset();
  resetAppState();
});
afterEach(cleanup);

const coreConflict =
  'This contact was changed somewhere else after you started editing. Reload it to see the latest version, then make your change again.';
const field = (label: string) => screen.getByLabelText(label, { exact: true }) as HTMLInputElement;

describe('ContactForm', () => {
  it('labels every field with the names users and tests look for', () => {
    render(<ContactForm contact={null} onSaved={vi.fn()} />);
    for (const label of ['First name', 'Last name', 'Company', 'Email', 'Phone', 'Notes', 'Tags', 'Contact type', 'Birthday']) {
      expect(field(label)).toBeTruthy();
    }
    for (const label of ['Street', 'City', 'Region', 'Postal code', 'Country', 'Reach them by', 'Preferred time']) {
      expect(field(label)).toBeTruthy();
    }
    expect(field('Keep in touch every (days)')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Save' })).toBeTruthy();
    expect(screen.getAllByLabelText('Email', { exact: true })).toHaveLength(1);
  });

  it('creates a contact from what was typed', async () => {
    const created = fullContact();
    fake.handle('contacts.create', () => created);
    const onSaved = vi.fn();
    const user = userEvent.setup();
    render(<ContactForm contact={null} onSaved={onSaved} />);

    await user.type(field('First name'), 'Ada');
    await user.type(field('Last name'), 'Lovelace');
    await user.type(field('Email'), 'ada@example.com');
    await user.click(screen.getByRole('button', { name: 'Add another inbox' }));
    await user.type(field('Email 2'), 'ada@home.example');
    await user.type(field('Tags'), 'math, pioneer ,');
    await user.type(field('Keep in touch every (days)'), '30');
    await user.type(field('City'), 'London');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(onSaved).toHaveBeenCalledWith(created));
    expect(fake.callsTo('contacts.create')).toEqual([
      {
        kind: 'person',
        firstName: 'Ada',
        lastName: 'Lovelace',
        company: '',
        companyId: null,
        emails: [
          { label: 'work', value: 'ada@example.com', primary: true },
          { label: 'work', value: 'ada@home.example', primary: false },
        ],
        phones: [],
        address: { street: '', city: 'London', region: '', postalCode: '', country: '' },
        birthday: null,
        notes: '',
        tags: ['math', 'pioneer'],
        preferredChannel: null,
        preferredTime: null,
        keepInTouchDays: 30,
        doNotContactAutomatically: false,
      },
    ]);
  });

  it('updates from the version the edit started from, with Ctrl+S', async () => {
    const contact = fullContact();
    fake.handle('contacts.update', () => ({ ...contact, company: 'Babbage & Co', updatedAt: '2025-02-01T00:00:00.000Z' }));
    const user = userEvent.setup();
    render(<ContactForm contact={contact} onSaved={vi.fn()} />);

    await user.clear(field('Company'));
    await user.type(field('Company'), 'Babbage & Co');
    await user.keyboard('{Control>}s{/Control}');

    await waitFor(() => expect(fake.callsTo('contacts.update')).toHaveLength(1));
    const [input] = fake.callsTo<{ id: string; expectedUpdatedAt: string; fields: { company: string; tags: string[] } }>(
      'contacts.update',
    );
    expect(input?.id).toBe(contact.id);
    expect(input?.expectedUpdatedAt).toBe(contact.updatedAt);
    expect(input?.fields.company).toBe('Babbage & Co');
    expect(input?.fields.tags).toEqual(['math']);
    expect(await screen.findByText('Saved')).toBeTruthy();
  });

  it('shows the server’s validation messages under the fields they belong to', async () => {
    fake.handle('contacts.update', () => {
      throw new Fail({
        code: 'VALIDATION',
        message: 'Check the highlighted fields.',
        details: {
          fields: [
            // Sent emails skip the blank row, so sent index 1 is the form's "Email 3".
            { path: 'fields.emails.1.value', message: 'Enter an email address like name@example.com.' },
            { path: 'birthday', message: 'That day does not exist in that month.' },
          ],
        },
      });
    });
    const user = userEvent.setup();
    render(<ContactForm contact={fullContact()} onSaved={vi.fn()} />);
    await user.click(screen.getByRole('button', { name: 'Add another inbox' }));
    await user.click(screen.getByRole('button', { name: 'Add another inbox' }));
    await user.type(field('Email 3'), 'not-an-address');
    await user.type(field('Birthday'), '2001-02-30');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    const emailError = await screen.findByText('Enter an email address like name@example.com.');
    expect(field('Email 3').getAttribute('aria-invalid')).toBe('true');
    expect(field('Email 3').getAttribute('aria-describedby')).toContain(emailError.id);
    expect(field('Email').getAttribute('aria-invalid')).toBeNull();
    expect(field('Email 2').getAttribute('aria-invalid')).toBeNull();
    const birthdayError = screen.getByText('That day does not exist in that month.');
    expect(field('Birthday').getAttribute('aria-describedby')).toContain(birthdayError.id);
    expect(field('Email 3').value).toBe('not-an-address');
  });

  it('on a conflict, “Keep my version” saves the draft over the stored version', async () => {
    const theirs = fullContact({ notes: 'Their note.', updatedAt: '2025-03-01T09:00:00.000Z' });
    const mine = { ...theirs, notes: 'Met at the salon.', updatedAt: '2025-03-02T09:00:00.000Z' };
    let calls = 0;
    fake.handle('contacts.update', () => {
      calls++;
      if (calls === 1) throw new Fail({ code: 'CONFLICT', message: coreConflict, details: { current: theirs } });
      return mine;
    });
    const onSaved = vi.fn();
    const user = userEvent.setup();
    render(<ContactForm contact={fullContact()} onSaved={onSaved} />);
    await user.type(field('Notes'), 'Met at the salon.');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    expect((await screen.findByRole('alert')).textContent).toContain(conflictMessage);
    expect(screen.queryByRole('button', { name: 'Reload' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Keep my version' }));

    await waitFor(() => expect(onSaved).toHaveBeenCalledWith(mine));
    const [first, second] = fake.callsTo<{ expectedUpdatedAt: string; fields: { notes: string } }>('contacts.update');
    expect(first?.expectedUpdatedAt).toBe(fullContact().updatedAt);
    expect(second?.expectedUpdatedAt).toBe(theirs.updatedAt);
    expect(second?.fields.notes).toBe('Met at the salon.');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(useDrafts.getState().drafts).toEqual({});
  });

  it('on a conflict, “Use their version” drops the draft and shows the stored version', async () => {
    const theirs = fullContact({ notes: 'Their note.', updatedAt: '2025-03-01T09:00:00.000Z' });
    fake.handle('contacts.update', () => {
      throw new Fail({ code: 'CONFLICT', message: coreConflict, details: { current: theirs } });
    });
    const onReplaced = vi.fn();
    const user = userEvent.setup();
    render(<ContactForm contact={fullContact()} onSaved={vi.fn()} onReplaced={onReplaced} />);
    await user.type(field('Notes'), 'Met at the salon.');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await user.click(await screen.findByRole('button', { name: 'Use their version' }));

    expect(field('Notes').value).toBe('Their note.');
    expect(onReplaced).toHaveBeenCalledWith(theirs);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(useDrafts.getState().drafts).toEqual({});
    expect(fake.callsTo('contacts.update')).toHaveLength(1);
  });

  it('keeps a draft only while it differs from the saved version, mirrored to sessionStorage', async () => {
    const user = userEvent.setup();
    render(<ContactForm contact={fullContact()} onSaved={vi.fn()} />);
    await user.type(field('Notes'), 'Hi');

    expect(useDrafts.getState().drafts[contactId(1)]?.draft.notes).toBe('Hi');
    expect(useDrafts.getState().drafts[contactId(1)]?.expectedUpdatedAt).toBe(fullContact().updatedAt);
    expect(sessionStorage.getItem('ambassador.drafts')).toContain('"notes":"Hi"');

    await user.clear(field('Notes'));
    expect(useDrafts.getState().drafts).toEqual({});
  });

  it('restores a kept draft with a calm banner, and “Discard changes” brings back the saved version', async () => {
    const kept = { ...draftFromContact(fullContact()), notes: 'Typed before leaving.' };
    useDrafts.getState().keep(contactId(1), { draft: kept, expectedUpdatedAt: fullContact().updatedAt, name: 'Ada Lovelace' });
    const user = userEvent.setup();
    render(<ContactForm contact={fullContact()} onSaved={vi.fn()} />);

    expect(field('Notes').value).toBe('Typed before leaving.');
    expect(screen.getByText(unsavedMessage)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Discard changes' }));

    expect(field('Notes').value).toBe('');
    expect(screen.queryByText(unsavedMessage)).toBeNull();
    expect(useDrafts.getState().drafts).toEqual({});
  });

  it('clears the draft once it is saved', async () => {
    const contact = fullContact();
    fake.handle('contacts.update', () => ({ ...contact, notes: 'Hi', updatedAt: '2025-02-01T00:00:00.000Z' }));
    const user = userEvent.setup();
    render(<ContactForm contact={contact} onSaved={vi.fn()} />);
    await user.type(field('Notes'), 'Hi');
    expect(useDrafts.getState().drafts[contact.id]).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByText('Saved')).toBeTruthy();
    expect(useDrafts.getState().drafts).toEqual({});
    expect(field('Notes').value).toBe('Hi');
  });

  it('keeps what the user typed when saving fails, and disables Save while saving', async () => {
    let fail: (error: Fail) => void = () => {};
    fake.handle('contacts.create', () => new Promise((_, reject) => (fail = reject)));
    const user = userEvent.setup();
    render(<ContactForm contact={null} onSaved={vi.fn()} />);
    await user.type(field('First name'), 'Grace');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    const save = screen.getByRole('button', { name: 'Save' }) as HTMLButtonElement;
    await waitFor(() => expect(save.disabled).toBe(true));
    fail(new Fail({ code: 'INTERNAL', message: 'The disk is full.' }));

    expect((await screen.findByRole('alert')).textContent).toBe('The disk is full.');
    expect(field('First name').value).toBe('Grace');
    expect(save.disabled).toBe(false);
  });

  it('checks the keep-in-touch days before asking the server', async () => {
    const user = userEvent.setup();
    render(<ContactForm contact={fullContact()} onSaved={vi.fn()} />);
    await user.type(field('Keep in touch every (days)'), '2.5');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Keep in touch needs a whole number of days.')).toBeTruthy();
    expect(fake.callsTo('contacts.update')).toHaveLength(0);
  });
});
