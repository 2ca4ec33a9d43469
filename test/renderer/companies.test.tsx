// @vitest-environment jsdom
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../src-renderer/app/App.tsx';
import { navigate, useNavigation } from '../../src-renderer/app/navigation.store.ts';
import { ContactForm } from '../../src-renderer/features/contacts/ContactForm.tsx';
import type { Contact, ContactFieldsInput } from '../../shared/contacts/contacts.schemas.ts';
import { contactId, fullContact, summary } from './fake-bridge.ts';
import { resetAppState } from './app-state.ts';

const fake = await vi.hoisted(async () => (await import('./fake-bridge.ts')).installFakeBridge());

const engines = summary(50, { kind: 'company', displayName: 'Analytical Engines', company: 'Analytical Engines' });
const enginesWorks = summary(51, { kind: 'company', displayName: 'Analytical Engines Works', company: 'Analytical Engines Works' });
const enginesContact = fullContact({
  id: engines.id,
  kind: 'company',
  firstName: '',
  lastName: '',
  company: 'Analytical Engines',
  displayName: 'Analytical Engines',
  emails: [],
  tags: [],
});
const ada = fullContact({ companyId: engines.id, company: 'Analytical Engines' });

beforeEach(() => {
  fake.reset();
  fake.handle('tags.list', () => []);
  fake.handle('contacts.search', ({ query }: { query: string }) =>
    [engines, enginesWorks].filter((company) => company.displayName.toLowerCase().includes(query.trim().toLowerCase())),
  );
  fake.handle('contacts.create', (fields: ContactFieldsInput) =>
    fullContact({ ...fields, id: contactId(60), displayName: fields.kind === 'company' ? (fields.company ?? '') : 'Grace Hopper' } as Contact),
  );
  resetAppState();
});
afterEach(cleanup);

const picker = () => screen.getByRole('combobox', { name: 'Company' }) as HTMLInputElement;
const created = () => fake.callsTo<ContactFieldsInput>('contacts.create');

describe('the company picker on a person’s form', () => {
  it('searches companies as you type, and arrow keys and Enter link the one chosen', async () => {
    const onSaved = vi.fn();
    const user = userEvent.setup();
    render(<ContactForm contact={null} onSaved={onSaved} />);
    await user.type(screen.getByLabelText('First name'), 'Grace');

    await user.type(picker(), 'engines');
    const list = await screen.findByRole('listbox');
    expect(within(list).getAllByRole('option').map((option) => option.textContent)).toEqual([
      'Analytical Engines',
      'Analytical Engines Works',
      'Create company “engines”',
    ]);
    expect(fake.callsTo('contacts.search').at(-1)).toEqual({ query: 'engines', kind: 'company', limit: 8 });
    expect(picker().getAttribute('aria-expanded')).toBe('true');

    await user.keyboard('{ArrowDown}{ArrowDown}{Enter}');
    expect(picker().value).toBe('Analytical Engines Works');
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(onSaved).not.toHaveBeenCalled();
    expect(screen.getByText('Linked: this person is listed on the company’s page.')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(created()).toMatchObject([{ kind: 'person', firstName: 'Grace', company: 'Analytical Engines Works', companyId: enginesWorks.id }]);
  });

  it('creates the company by name when none matches, then links it', async () => {
    const onSaved = vi.fn();
    const user = userEvent.setup();
    render(<ContactForm contact={null} onSaved={onSaved} />);
    await user.type(screen.getByLabelText('First name'), 'Grace');

    await user.type(picker(), 'Acme');
    await user.click(await screen.findByRole('option', { name: 'Create company “Acme”' }));

    await waitFor(() => expect(picker().value).toBe('Acme'));
    expect(created()).toEqual([{ kind: 'company', company: 'Acme' }]);
    await screen.findByText('Linked: this person is listed on the company’s page.');

    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(created()[1]).toMatchObject({ kind: 'person', company: 'Acme', companyId: contactId(60) });
  });

  it('offers no “Create company” for a name that exists already', async () => {
    const user = userEvent.setup();
    render(<ContactForm contact={null} onSaved={vi.fn()} />);
    await user.type(picker(), 'analytical engines');
    await screen.findByRole('option', { name: 'Analytical Engines' });
    expect(screen.queryByRole('option', { name: /Create company/ })).toBeNull();

    await user.keyboard('{Enter}');
    expect(picker().value).toBe('Analytical Engines');
    expect(created()).toEqual([]);
  });

  it('Clear unlinks the company; a typed name not picked is saved as plain text', async () => {
    fake.handle('contacts.update', ({ fields }: { fields: ContactFieldsInput }) => ({ ...ada, ...fields, updatedAt: '2025-05-01T00:00:00.000Z' }));
    const user = userEvent.setup();
    render(<ContactForm contact={ada} onSaved={vi.fn()} />);
    expect(picker().value).toBe('Analytical Engines');

    await user.click(screen.getByRole('button', { name: 'Clear' }));
    expect(picker().value).toBe('');
    expect(document.activeElement).toBe(picker());
    await user.type(picker(), 'Babbage & Co');
    expect(await screen.findByText('Not linked yet: choose the company from the list, or create it.')).toBeTruthy();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('listbox')).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(fake.callsTo('contacts.update')).toHaveLength(1));
    expect(fake.callsTo<{ fields: ContactFieldsInput }>('contacts.update')[0]?.fields).toMatchObject({ company: 'Babbage & Co', companyId: null });
  });

  it('Escape closes the list and stays on the page; the next Escape leaves it', async () => {
    fake.handle('contacts.list', () => ({ items: [], nextCursor: null, total: 0 }));
    fake.handle('contacts.get', () => ada);
    act(() => navigate({ screen: 'contact', id: ada.id }));
    const user = userEvent.setup();
    render(<App />);
    await user.type(await screen.findByRole('combobox', { name: 'Company' }), ' Works');
    await screen.findByRole('option', { name: 'Analytical Engines Works' });

    await user.keyboard('{Escape}');
    expect(screen.queryByRole('listbox', { name: 'Suggestions' })).toBeNull();
    expect(useNavigation.getState().route).toEqual({ screen: 'contact', id: ada.id });
    await user.keyboard('{Escape}');
    expect(useNavigation.getState().route).toEqual({ screen: 'contacts' });
  });
});

describe('a company’s page and a person’s company', () => {
  it('lists the company’s people with their count, each opening their page', async () => {
    fake.handle('contacts.get', ({ id }: { id: string }) => (id === engines.id ? enginesContact : ada));
    fake.handle('contacts.list', () => ({
      items: [summary(1, { displayName: 'Ada Lovelace' }), summary(2, { displayName: 'Charles Babbage' })],
      nextCursor: null,
      total: 2,
    }));
    act(() => navigate({ screen: 'contact', id: engines.id }));
    const user = userEvent.setup();
    render(<App />);

    const people = await screen.findByRole('region', { name: 'People' });
    expect(await within(people).findByText('2 people')).toBeTruthy();
    expect(fake.callsTo('contacts.list')).toContainEqual({ companyId: engines.id, sort: 'name', limit: 500 });
    await user.click(within(people).getByRole('link', { name: 'Ada Lovelace' }));

    await waitFor(() => expect(useNavigation.getState().route).toEqual({ screen: 'contact', id: contactId(1) }));
    await user.click(await screen.findByRole('link', { name: 'Analytical Engines' }));
    await waitFor(() => expect(useNavigation.getState().route).toEqual({ screen: 'contact', id: engines.id }));
    expect(await screen.findByRole('region', { name: 'People' })).toBeTruthy();
  });

  it('says how to link someone when no one is linked yet, and follows changes', async () => {
    let linked: ReturnType<typeof summary>[] = [];
    fake.handle('contacts.get', () => enginesContact);
    fake.handle('contacts.list', () => ({ items: linked, nextCursor: null, total: linked.length }));
    act(() => navigate({ screen: 'contact', id: engines.id }));
    render(<App />);

    expect(await screen.findByText(/No one is linked yet/)).toBeTruthy();
    linked = [summary(3, { displayName: 'Charles Babbage' })];
    act(() => fake.emit({ name: 'contacts.changed', payload: { ids: [contactId(3)], reason: 'updated' } }));
    expect(await screen.findByRole('link', { name: 'Charles Babbage' })).toBeTruthy();
    expect(screen.getByText('1 person')).toBeTruthy();
  });
});
