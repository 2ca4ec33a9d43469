// @vitest-environment jsdom
import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../src-renderer/app/App.tsx';
import { navigate } from '../../src-renderer/app/navigation.store.ts';
import { useContactList } from '../../src-renderer/features/contacts/contact-list.store.ts';
import { showToast } from '../../src-renderer/ui/toast.store.ts';
import { contactId, directoryOf, fullContact, giveElementsASize, summary } from './fake-bridge.ts';
import { resetAppState } from './app-state.ts';

const fake = await vi.hoisted(async () => (await import('./fake-bridge.ts')).installFakeBridge());

// Outside checkers find controls the way Playwright does without `exact`: a
// case-insensitive substring of the accessible name, or of a label / aria-label
// for getByLabel. Each name a user or test looks for must then match one control.
const required = {
  button: ['New contact', 'Save', 'Delete', 'Restore'],
  field: ['First name', 'Last name', 'Company', 'Email', 'Phone', 'Notes', 'Tags', 'Search contacts'],
  link: ['Trash'],
} as const;
const controlRoles = ['button', 'link', 'textbox', 'searchbox', 'combobox', 'checkbox', 'radio', 'spinbutton', 'menuitem', 'tab'];

/** Every control whose accessible name, label or aria-label contains `name`, like a non-exact lookup would find. */
function controlsNamed(name: string, root: HTMLElement = document.body): Set<Element> {
  const pattern = new RegExp(name, 'i');
  const found = new Set<Element>();
  for (const role of controlRoles) within(root).queryAllByRole(role, { name: pattern }).forEach((element) => found.add(element));
  within(root).queryAllByLabelText(pattern).forEach((element) => found.add(element));
  return found;
}

/** How many controls each required name matches on the screen now. */
function matchCounts(): Record<string, number> {
  const names = [...required.button, ...required.field, ...required.link];
  return Object.fromEntries(names.map((name) => [name, controlsNamed(name).size]));
}

function expectOnScreen(present: string[]): void {
  const counts = matchCounts();
  const expected = Object.fromEntries(Object.keys(counts).map((name) => [name, present.includes(name) ? 1 : 0]));
  expect(counts).toEqual(expected);
}

/** A toast naming every required word, as "Restored Bea" or "Moved … to Trash" would. */
const noisyToast = () =>
  act(() => showToast({ message: 'Restored Bea · Saved · Deleted · New contact · Email Phone Company Notes Tags Trash', action: { label: 'Undo', run: () => {} } }));

beforeAll(() => giveElementsASize(480));
beforeEach(() => {
  fake.reset();
  fake.handle('tags.list', () => [{ name: 'customer', count: 2 }]);
  fake.handle('contacts.list', directoryOf(3));
  fake.handle('contacts.get', ({ id }: { id: string }) => fullContact({ id }));
  resetAppState();
});
afterEach(cleanup);

describe('each required name matches exactly one control on its screen', () => {
  it('on the contact page, with a toast showing', async () => {
    navigate({ screen: 'contact', id: contactId(1) });
    render(<App />);
    await screen.findByLabelText('Notes', { exact: true });
    noisyToast();
    expectOnScreen(['Save', 'Delete', 'First name', 'Last name', 'Company', 'Email', 'Phone', 'Notes', 'Tags', 'Search contacts', 'Trash']);
  });

  it('on the new-contact page', async () => {
    navigate({ screen: 'new-contact' });
    render(<App />);
    await screen.findByLabelText('Notes', { exact: true });
    noisyToast();
    expectOnScreen(['Save', 'First name', 'Last name', 'Company', 'Email', 'Phone', 'Notes', 'Tags', 'Search contacts', 'Trash']);
  });

  it('on a contact in the Trash', async () => {
    fake.handle('contacts.get', ({ id }: { id: string }) => fullContact({ id, deletedAt: '2025-04-01T08:00:00.000Z' }));
    navigate({ screen: 'contact', id: contactId(1) });
    render(<App />);
    await screen.findByText('This contact is in the Trash.');
    noisyToast();
    expectOnScreen(['Save', 'Restore', 'First name', 'Last name', 'Company', 'Email', 'Phone', 'Notes', 'Tags', 'Search contacts', 'Trash']);
  });

  it('on the contact list and on an empty one', async () => {
    navigate({ screen: 'contacts' });
    render(<App />);
    await screen.findByText('Contact 000000');
    noisyToast();
    expectOnScreen(['New contact', 'Search contacts', 'Trash']);

    cleanup();
    fake.handle('contacts.list', directoryOf(0));
    useContactList.setState(useContactList.getInitialState());
    render(<App />);
    await screen.findByRole('heading', { name: 'No contacts yet' });
    expectOnScreen(['New contact', 'Search contacts', 'Trash']);
  });

  it('on a person linked to a company, with the company picker and the search results open', async () => {
    fake.handle('contacts.get', ({ id }: { id: string }) => fullContact({ id, companyId: contactId(50), company: 'Analytical Engines' }));
    fake.handle('contacts.search', ({ kind }: { kind?: string }) =>
      kind === 'company'
        ? [summary(50, { kind: 'company', displayName: 'Analytical Engines', company: 'Analytical Engines' })]
        : [summary(2, { displayName: 'Save Trash Company Notes' })],
    );
    navigate({ screen: 'contact', id: contactId(1) });
    const user = userEvent.setup();
    render(<App />);
    expect(await screen.findByRole('link', { name: 'Analytical Engines' })).toBeTruthy();
    expectOnScreen(['Save', 'Delete', 'First name', 'Last name', 'Company', 'Email', 'Phone', 'Notes', 'Tags', 'Search contacts', 'Trash']);

    await user.type(screen.getByRole('combobox', { name: 'Company' }), 'x');
    await screen.findByRole('option', { name: 'Create company “Analytical Enginesx”' });
    expectOnScreen(['Save', 'Delete', 'First name', 'Last name', 'Company', 'Email', 'Phone', 'Notes', 'Tags', 'Search contacts', 'Trash']);

    await user.type(screen.getByRole('combobox', { name: 'Search contacts' }), 'save');
    await screen.findByRole('option', { name: /Save Trash Company Notes/ });
    expectOnScreen(['Save', 'Delete', 'First name', 'Last name', 'Company', 'Email', 'Phone', 'Notes', 'Tags', 'Search contacts', 'Trash']);
  });

  it('on a company’s page, with its people listed', async () => {
    fake.handle('contacts.get', ({ id }: { id: string }) =>
      fullContact({ id, kind: 'company', firstName: '', lastName: '', company: 'Analytical Engines', displayName: 'Analytical Engines' }),
    );
    fake.handle('contacts.list', () => ({ items: [summary(1, { displayName: 'Ada Lovelace' })], nextCursor: null, total: 1 }));
    navigate({ screen: 'contact', id: contactId(50) });
    render(<App />);
    expect(await screen.findByRole('link', { name: 'Ada Lovelace' })).toBeTruthy();
    expectOnScreen(['Save', 'Delete', 'First name', 'Last name', 'Company', 'Email', 'Phone', 'Notes', 'Tags', 'Search contacts', 'Trash']);
  });

  it('in the Trash after “Restored Bea”: one Restore per row, none in the toast', async () => {
    fake.handle('contacts.trash', () => ({
      items: [summary(1, { displayName: 'Bea Arthur' }), summary(2, { displayName: 'Cy Young' })],
      total: 2,
    }));
    fake.handle('contacts.restore', ({ id }: { id: string }) => fullContact({ id, displayName: 'Bea' }));
    navigate({ screen: 'trash' });
    const user = userEvent.setup();
    render(<App />);
    const bea = await screen.findByRole('row', { name: /Bea Arthur/ });
    await user.click(within(bea).getByRole('button', { name: 'Restore' }));
    await screen.findByText('Restored Bea Arthur');

    expect(controlsNamed('Restore').size).toBe(1);
    expect(within(screen.getByRole('row', { name: /Cy Young/ })).getByRole('button', { name: /restore/i })).toBeTruthy();
    expect(controlsNamed('Trash').size).toBe(1);
    expect(screen.getByRole('button', { name: 'Close notification' })).toBeTruthy();
  });
});
