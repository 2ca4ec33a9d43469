// @vitest-environment jsdom
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CreatePurchase, Purchase, UpdatePurchase } from '../../shared/commerce/commerce.schemas.ts';
import { App } from '../../src-renderer/app/App.tsx';
import { navigate } from '../../src-renderer/app/navigation.store.ts';
import { todayLocal } from '../../src-renderer/ui/dates.ts';
import { resetAppState } from './app-state.ts';
import { contactId, directoryOf, Fail, fullContact } from './fake-bridge.ts';
import { settings } from './plans-fixtures.ts';
import { purchase, purchaseId } from './purchases-fixtures.ts';

const fake = await vi.hoisted(async () => (await import('./fake-bridge.ts')).installFakeBridge());

const dollars = (cents: number) => new Intl.NumberFormat(undefined, { style: 'currency', currency: 'USD' }).format(cents / 100);

/** Purchases held like the core holds them: newest first, a deleted one gone until restored; each write publishes purchases.changed. */
function purchasesOf(initial: Purchase[]) {
  const stored = new Map(initial.map((item) => [item.id, item]));
  const changed = (item: Purchase, reason: 'created' | 'updated' | 'deleted' | 'restored') =>
    setTimeout(() => fake.emit({ name: 'purchases.changed', payload: { ids: [item.id], contactIds: [item.contactId], reason } }));
  fake.handle('purchases.list', ({ cursor, limit }: { cursor?: string; limit: number }) => {
    const live = [...stored.values()].filter((item) => item.deletedAt === null).sort((a, b) => b.occurredOn.localeCompare(a.occurredOn));
    const start = cursor ? Number(cursor) : 0;
    const items = live.slice(start, start + limit);
    return { items, nextCursor: start + limit < live.length ? String(start + limit) : null, total: live.length };
  });
  fake.handle('purchases.create', ({ contactId: owner, fields }: CreatePurchase) => {
    const saved = purchase(50 + stored.size, { ...fields, contactId: owner, occurredOn: fields.occurredOn, netCents: fields.grossCents - fields.discountCents });
    stored.set(saved.id, saved);
    changed(saved, 'created');
    return saved;
  });
  fake.handle('purchases.update', ({ id, fields }: UpdatePurchase) => {
    const saved = { ...stored.get(id)!, ...fields, updatedAt: '2026-12-02T10:00:00.000Z' };
    stored.set(id, saved);
    changed(saved, 'updated');
    return saved;
  });
  for (const [method, deletedAt, reason] of [
    ['purchases.delete', '2026-12-02T10:00:00.000Z', 'deleted'],
    ['purchases.restore', null, 'restored'],
  ] as const) {
    fake.handle(method, ({ id }: { id: string }) => {
      const saved = { ...stored.get(id)!, deletedAt };
      stored.set(id, saved);
      changed(saved, reason);
      return saved;
    });
  }
  return stored;
}

beforeEach(() => {
  fake.reset();
  fake.handle('tags.list', () => []);
  fake.handle('contacts.list', directoryOf(3));
  fake.handle('contacts.get', ({ id }: { id: string }) => fullContact({ id }));
  fake.handle('history.timeline', () => ({ items: [], nextCursor: null, total: 0 }));
  fake.handle('followups.list', () => []);
  fake.handle('settings.get', () => settings({ currency: 'USD' }));
  resetAppState();
  navigate({ screen: 'contact', id: contactId(1) });
});
afterEach(cleanup);

const purchasesSection = () => screen.getByRole('region', { name: 'Purchases' });

describe('Purchases on a contact’s page', () => {
  it('lists them newest first with date, description, kind, amount, discount and channel, and loads more with the cursor', async () => {
    purchasesOf(Array.from({ length: 25 }, (_, index) => purchase(index + 1, { discountCents: index === 24 ? 1_500 : 0, discountReason: index === 24 ? 'loyal customer' : '', channel: index === 24 ? 'online' : 'store' })));
    const user = userEvent.setup();
    render(<App />);
    const list = await within(await screen.findByRole('region', { name: 'Purchases' })).findByRole('list');
    const entries = within(list).getAllByRole('listitem');
    expect(entries).toHaveLength(5);
    expect(entries[0]!.textContent).toContain('Order 25');
    expect(entries[0]!.textContent).toContain(dollars(12_000));
    expect(entries[0]!.textContent).toContain(`Sale · discount ${dollars(1_500)} (loyal customer) · Online`);
    expect(entries[0]!.querySelector('time')?.getAttribute('dateTime')).toBe('2026-11-25');

    await user.click(within(purchasesSection()).getByRole('button', { name: 'Load more (20 older)' }));
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(25));
    expect(fake.callsTo('purchases.list').at(-1)).toEqual({ contactId: contactId(1), cursor: '5', limit: 20 });
    expect(within(purchasesSection()).queryByRole('button', { name: /Load more/ })).toBeNull();
  });

  it('adds a purchase: the amounts go as cents, the date defaults to today, and the new one shows', async () => {
    purchasesOf([]);
    const user = userEvent.setup();
    render(<App />);
    await screen.findByText(/No purchases yet/);
    await user.click(screen.getByRole('button', { name: 'Add purchase' }));
    expect((screen.getByLabelText('Date') as HTMLInputElement).value).toBe(todayLocal());
    expect(document.activeElement).toBe(screen.getByLabelText('Amount'));

    await user.type(screen.getByLabelText('Amount'), '$1,200.50');
    await user.clear(screen.getByLabelText('Date'));
    await user.type(screen.getByLabelText('Date'), '2026-11-30');
    await user.type(screen.getByLabelText('Discount'), '20');
    await user.type(screen.getByLabelText('Product cost'), '450');
    await user.type(screen.getByLabelText('Channel'), 'online');
    await user.type(screen.getByLabelText('Channel cost'), '12.5');
    await user.type(screen.getByLabelText('Description'), 'Reading chair');
    await user.selectOptions(screen.getByLabelText('Kind'), 'Closing');
    await user.click(screen.getByRole('button', { name: 'Save purchase' }));

    await waitFor(() =>
      expect(fake.callsTo('purchases.create')).toEqual([
        {
          contactId: contactId(1),
          fields: {
            kind: 'closing',
            occurredOn: '2026-11-30',
            description: 'Reading chair',
            grossCents: 120_050,
            discountCents: 2_000,
            discountReason: '',
            productCostCents: 45_000,
            channel: 'online',
            channelCostCents: 1_250,
          },
        },
      ]),
    );
    expect(screen.queryByRole('button', { name: 'Save purchase' })).toBeNull();
    expect(await within(purchasesSection()).findByText('Reading chair')).toBeTruthy();
    expect(screen.getByText(`Recorded a purchase for ${fullContact().displayName}`)).toBeTruthy();
  });

  it('offers the suggested channels and keeps any other the user types', async () => {
    purchasesOf([]);
    const user = userEvent.setup();
    render(<App />);
    await user.click(await screen.findByRole('button', { name: 'Add purchase' }));
    const channel = screen.getByLabelText('Channel') as HTMLInputElement;
    const suggestions = document.getElementById(channel.getAttribute('list')!)!;
    expect([...suggestions.querySelectorAll('option')].map((option) => option.value)).toEqual(['store', 'online', 'phone', 'referral', 'email', 'event']);
    expect(screen.queryByLabelText('Channel cost')).toBeNull();
    expect(screen.queryByLabelText('Discount reason')).toBeNull();
  });

  it('refuses an amount it cannot read beside the field, before anything is sent', async () => {
    purchasesOf([]);
    const user = userEvent.setup();
    render(<App />);
    await user.click(await screen.findByRole('button', { name: 'Add purchase' }));
    await user.type(screen.getByLabelText('Amount'), '12,34,5{Enter}');
    const amount = screen.getByLabelText('Amount');
    expect(amount.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(amount.getAttribute('aria-describedby')!.split(' ').at(-1)!)!.textContent).toBe('Enter an amount like 120.00');
    expect(fake.callsTo('purchases.create')).toEqual([]);
  });

  it('shows the core’s refusal beside the field it names (fields.discountCents), and saves once fixed', async () => {
    purchasesOf([]);
    const refusal = 'The discount is larger than the amount: say why in the discount reason, or lower it.';
    fake.handle('purchases.create', (input: CreatePurchase) => {
      if (input.fields.discountReason !== '') return purchase(60, input.fields);
      throw new Fail({ code: 'VALIDATION', message: refusal, details: { fields: [{ path: 'fields.discountCents', message: refusal }] } });
    });
    const user = userEvent.setup();
    render(<App />);
    await user.click(await screen.findByRole('button', { name: 'Add purchase' }));
    await user.type(screen.getByLabelText('Amount'), '10');
    await user.type(screen.getByLabelText('Discount'), '15{Enter}');
    const discount = screen.getByLabelText('Discount', { exact: true });
    await waitFor(() => expect(discount.getAttribute('aria-invalid')).toBe('true'));
    expect(within(discount.closest('.field')! as HTMLElement).getByText(refusal)).toBeTruthy();
    expect(screen.getByLabelText('Amount').getAttribute('aria-invalid')).toBeNull();
    expect(within(purchasesSection()).queryByRole('alert')).toBeNull();

    await user.type(screen.getByLabelText('Discount reason'), 'damaged in delivery{Enter}');
    await waitFor(() => expect(fake.callsTo<CreatePurchase>('purchases.create').at(-1)?.fields).toMatchObject({ grossCents: 1_000, discountCents: 1_500, discountReason: 'damaged in delivery' }));
    expect(screen.queryByLabelText('Amount')).toBeNull();
  });

  it('Escape closes the form, keeps the contact’s page open and gives the keyboard back to Add purchase', async () => {
    purchasesOf([]);
    const user = userEvent.setup();
    render(<App />);
    await user.click(await screen.findByRole('button', { name: 'Add purchase' }));
    await user.type(screen.getByLabelText('Amount'), '5');
    await user.keyboard('{Escape}');
    expect(screen.queryByLabelText('Amount')).toBeNull();
    expect(screen.getByRole('region', { name: 'Purchases' })).toBeTruthy();
    expect(fake.callsTo('purchases.create')).toEqual([]);
    // The keyboard is back on the button that opened the form.
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Add purchase' }));
  });

  it('edits a purchase with the version it was read at', async () => {
    purchasesOf([purchase(3, { grossCents: 9_900 })]);
    const user = userEvent.setup();
    render(<App />);
    await user.click(await screen.findByRole('button', { name: /^Edit purchase of/ }));
    expect((screen.getByLabelText('Amount') as HTMLInputElement).value).toBe('99.00');
    await user.clear(screen.getByLabelText('Amount'));
    await user.type(screen.getByLabelText('Amount'), '1.200,50');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(fake.callsTo<UpdatePurchase>('purchases.update')).toHaveLength(1));
    const sent = fake.callsTo<UpdatePurchase>('purchases.update')[0]!;
    expect(sent).toMatchObject({ id: purchaseId(3), expectedUpdatedAt: purchase(3).updatedAt, fields: { grossCents: 120_050, occurredOn: '2026-11-03', channel: 'store', productCostCents: 4_000 } });
    await waitFor(() => expect(purchasesSection().textContent).toContain(dollars(120_050)));
  });

  it('removes a purchase to the Trash, and Undo brings it back', async () => {
    purchasesOf([purchase(3), purchase(4)]);
    const user = userEvent.setup();
    render(<App />);
    const section = await screen.findByRole('region', { name: 'Purchases' });
    await within(section).findByText('Order 3');
    await user.click(within(section).getAllByRole('button', { name: /^Remove purchase of/ })[1]!);
    await waitFor(() => expect(within(section).queryByText('Order 3')).toBeNull());
    expect(fake.callsTo('purchases.delete')).toEqual([{ id: purchaseId(3) }]);
    await user.click(await screen.findByRole('button', { name: 'Undo' }));
    expect(await within(section).findByText('Order 3')).toBeTruthy();
    expect(fake.callsTo('purchases.restore')).toEqual([{ id: purchaseId(3) }]);
  });

  it('reloads when this contact’s purchases change elsewhere (an import, another window)', async () => {
    const stored = purchasesOf([]);
    render(<App />);
    await screen.findByText(/No purchases yet/);
    const imported = purchase(7, { description: 'Imported from the till' });
    stored.set(imported.id, imported);
    act(() => fake.emit({ name: 'purchases.changed', payload: { ids: [imported.id], contactIds: [contactId(1)], reason: 'imported' } }));
    expect(await screen.findByText('Imported from the till')).toBeTruthy();
  });

  it('does not reload for another contact’s purchases', async () => {
    purchasesOf([purchase(1)]);
    fake.handle('loyalty.standing', async () => (await import('./purchases-fixtures.ts')).standing());
    render(<App />);
    await screen.findByText('Order 1');
    await waitFor(() => expect(fake.callsTo('loyalty.standing')).toHaveLength(1));
    const listed = fake.callsTo('purchases.list').length;
    act(() => fake.emit({ name: 'purchases.changed', payload: { ids: [purchaseId(9)], contactIds: [contactId(2)], reason: 'imported' } }));
    // Emitted after it, and coalesced the same way: once the standing reloads, a reload of the list would have too.
    act(() => fake.emit({ name: 'loyalty.changed', payload: { contactIds: [contactId(1)], reason: 'scored' } }));
    await waitFor(() => expect(fake.callsTo('loyalty.standing')).toHaveLength(2));
    expect(fake.callsTo('purchases.list')).toHaveLength(listed);
  });
});
