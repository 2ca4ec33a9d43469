// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PlanRun, StartPlan } from '../../shared/plans/plans.schemas.ts';
import { App } from '../../src-renderer/app/App.tsx';
import { navigate, useNavigation } from '../../src-renderer/app/navigation.store.ts';
import { todayLocal } from '../../src-renderer/ui/dates.ts';
import { resetAppState } from './app-state.ts';
import { contactId, directoryOf, fullContact } from './fake-bridge.ts';
import { homeClosing, planId, preview, rateInquiry, run, runId } from './plans-fixtures.ts';

const fake = await vi.hoisted(async () => (await import('./fake-bridge.ts')).installFakeBridge());

beforeEach(() => {
  fake.reset();
  fake.handle('tags.list', () => []);
  fake.handle('contacts.list', directoryOf(3));
  fake.handle('contacts.get', ({ id }: { id: string }) => fullContact({ id }));
  fake.handle('history.timeline', () => ({ items: [], nextCursor: null, total: 0 }));
  fake.handle('followups.list', () => []);
  fake.handle('plans.list', () => [homeClosing(), rateInquiry(), { ...rateInquiry(), id: planId(3), name: 'Old welcome', enabled: false }]);
  resetAppState();
  navigate({ screen: 'contact', id: contactId(1) });
});
afterEach(cleanup);

/** Runs held like the core holds them: starting adds one, cancelling takes it off the running list. */
function runsOf(initial: PlanRun[]) {
  let stored = [...initial];
  fake.handle('plans.runs', () => stored);
  fake.handle('plans.start', (input: StartPlan) => {
    const started = run({ id: runId(90 + stored.length), anchorDate: input.anchorDate ?? todayLocal(), done: 0 });
    stored.push(started);
    return started;
  });
  fake.handle('plans.cancel', ({ runId }: { runId: string }) => {
    const cancelled = { ...stored.find((item) => item.id === runId)!, status: 'cancelled' as const, cancelledAt: '2026-12-02T10:00:00.000Z' };
    stored = stored.filter((item) => item.id !== runId);
    return cancelled;
  });
}

describe('Start plan on a contact’s page', () => {
  it('previews every step from the anchor date, again when the plan or the date changes, then starts it', async () => {
    runsOf([]);
    fake.handle('plans.preview', (input: StartPlan) =>
      input.planId === planId(2)
        ? preview({ planId: planId(2), planName: 'Rate inquiry', anchorDate: input.anchorDate!, steps: [{ index: 0, kind: 'call', title: 'Call back with the best offer', prompt: 'Ada asked about rates', dueDate: input.anchorDate!, dueTime: '09:00' }] })
        : preview({ anchorDate: input.anchorDate!, notes: input.anchorDate === '2026-11-30' ? [] : ['Ada is marked “do not contact automatically”: starting by hand still works.'] }),
    );
    const user = userEvent.setup();
    render(<App />);
    expect(await screen.findByText('No plan running. Start one for a closing, a first purchase or a complaint.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Start plan' }));

    const dialog = await screen.findByRole('dialog', { name: 'Set up follow-ups for Ada' });
    const choice = within(dialog).getByRole('combobox', { name: 'Plan' });
    expect(within(choice).getAllByRole('option').map((option) => option.textContent)).toEqual(['Home closing', 'Rate inquiry']);
    expect(document.activeElement).toBe(choice);
    const anchor = within(dialog).getByLabelText('Anchor date') as HTMLInputElement;
    expect(anchor.value).toBe(todayLocal());
    await within(dialog).findByText('Ada is marked “do not contact automatically”: starting by hand still works.');
    expect(fake.callsTo('plans.preview')).toEqual([{ planId: planId(1), contactId: contactId(1), anchorDate: todayLocal() }]);

    await user.selectOptions(choice, 'Rate inquiry');
    expect(await within(dialog).findByText('Call back with the best offer')).toBeTruthy();
    expect(within(dialog).getByText('Ada asked about rates')).toBeTruthy();

    await user.selectOptions(choice, 'Home closing');
    fireEvent.change(anchor, { target: { value: '2026-11-30' } });
    await waitFor(() => expect(fake.callsTo('plans.preview').at(-1)).toEqual({ planId: planId(1), contactId: contactId(1), anchorDate: '2026-11-30' }));
    expect(await within(dialog).findByText('Send a housewarming gift')).toBeTruthy();
    expect(within(dialog).getByText('A plant for Ada’s new home')).toBeTruthy();
    expect(within(dialog).getAllByText(/2026 at 09:00$/)).toHaveLength(2);
    expect(within(dialog).queryByText(/do not contact automatically/)).toBeNull();

    await user.click(within(dialog).getByRole('button', { name: 'Start' }));
    await waitFor(() => expect(fake.callsTo('plans.start')).toEqual([{ planId: planId(1), contactId: contactId(1), anchorDate: '2026-11-30' }]));
    expect(await screen.findByText('Started Home closing for Ada: 5 follow-ups')).toBeTruthy();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(await screen.findByText('0 of 5 done')).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Start plan' }));
  });

  it('hides the page behind the dialog, so its one Start is the dialog’s; Esc closes it and stays on the page', async () => {
    runsOf([]);
    fake.handle('plans.preview', () => preview());
    const user = userEvent.setup();
    render(<App />);
    await user.click(await screen.findByRole('button', { name: 'Start plan' }));
    await screen.findByText('Send a housewarming gift');
    expect(screen.getAllByRole('button', { name: /start/i }).map((button) => button.textContent)).toEqual(['Start']);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByRole('button', { name: 'Start plan' })).toBeTruthy();
    expect(fake.callsTo('plans.start')).toEqual([]);
  });

  it('says what to do when the anchor date is not a real day, and does not start', async () => {
    runsOf([]);
    fake.handle('plans.preview', () => preview());
    const user = userEvent.setup();
    render(<App />);
    await user.click(await screen.findByRole('button', { name: 'Start plan' }));
    const dialog = await screen.findByRole('dialog');
    await within(dialog).findByText('Send a housewarming gift');
    fireEvent.change(within(dialog).getByLabelText('Anchor date'), { target: { value: '' } });
    expect(within(dialog).getByRole('alert').textContent).toBe('Enter the anchor date as YYYY-MM-DD.');
    expect((within(dialog).getByRole('button', { name: 'Start' }) as HTMLButtonElement).disabled).toBe(true);
  });
});

describe('running plans on a contact’s page', () => {
  it('shows each with how it started, its progress and each step’s state; Cancel asks first, then its open steps go', async () => {
    runsOf([run({ startedBy: 'a home closing' })]);
    const user = userEvent.setup();
    render(<App />);
    expect(await screen.findByText('2 of 5 done')).toBeTruthy();
    expect(screen.getByText(/How it started: a home closing/)).toBeTruthy();
    const steps = screen.getByText('Anniversary card').closest('ol') as HTMLElement;
    expect(within(steps).getAllByRole('listitem').map((item) => item.querySelector('.run-step-state')?.textContent)).toEqual(['Done', 'Done', 'To do', 'To do', 'To do']);

    await user.click(screen.getByRole('button', { name: 'Cancel Home closing' }));
    expect(screen.getByText('Cancel Home closing for Ada Lovelace? Its 3 open follow-ups go; what is done stays in the history.')).toBeTruthy();
    expect(fake.callsTo('plans.cancel')).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Keep it running' }));
    await user.click(screen.getByRole('button', { name: 'Cancel Home closing' }));
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('button', { name: 'Yes, cancel it' })).toBeNull();
    expect(useNavigation.getState().route).toEqual({ screen: 'contact', id: contactId(1) });
    expect(fake.callsTo('plans.cancel')).toEqual([]);

    await user.click(screen.getByRole('button', { name: 'Cancel Home closing' }));
    await user.click(screen.getByRole('button', { name: 'Yes, cancel it' }));
    expect(fake.callsTo('plans.cancel')).toEqual([{ runId: run().id }]);
    expect(await screen.findByText('No plan running. Start one for a closing, a first purchase or a complaint.')).toBeTruthy();
    expect(screen.getByText('Cancelled Home closing for Ada Lovelace. Its done steps stay in the history.')).toBeTruthy();
  });

  it('follows progress made elsewhere: a follow-up done on Today moves it on', async () => {
    let done = 2;
    fake.handle('plans.runs', () => [run({ done })]);
    render(<App />);
    expect(await screen.findByText('2 of 5 done')).toBeTruthy();
    done = 3;
    await act(async () => {
      fake.emit({ name: 'followups.changed', payload: { ids: [], contactIds: [contactId(1)], reason: 'completed' } });
      await new Promise((resolve) => setTimeout(resolve, 120));
    });
    expect(screen.getByText('3 of 5 done')).toBeTruthy();
  });
});

describe('the contact form', () => {
  it('sends “Do not contact automatically”, with a hint that plans still start by hand', async () => {
    runsOf([]);
    fake.handle('contacts.update', ({ fields }: { fields: object }) => fullContact({ ...fields, updatedAt: '2025-01-03T09:00:00.000Z' }));
    const user = userEvent.setup();
    render(<App />);
    const box = await screen.findByRole('checkbox', { name: 'Do not contact automatically' });
    expect((box as HTMLInputElement).checked).toBe(false);
    expect(box.getAttribute('aria-describedby') && document.getElementById(box.getAttribute('aria-describedby')!)?.textContent).toContain('Plans still start by hand');
    await user.click(box);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(fake.callsTo<{ fields: { doNotContactAutomatically: boolean } }>('contacts.update')).toHaveLength(1));
    expect(fake.callsTo<{ fields: { doNotContactAutomatically: boolean } }>('contacts.update')[0]!.fields.doNotContactAutomatically).toBe(true);
  });
});
