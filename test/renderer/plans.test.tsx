// @vitest-environment jsdom
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Plan, PlanFieldsInput } from '../../shared/plans/plans.schemas.ts';
import { App } from '../../src-renderer/app/App.tsx';
import { hrefFor, navigate, parseRoute, useNavigation } from '../../src-renderer/app/navigation.store.ts';
import { errorKeyFor } from '../../src-renderer/features/plans/plan-draft.ts';
import { resetAppState } from './app-state.ts';
import { contactId, Fail } from './fake-bridge.ts';
import { heldBack, homeClosing, planId, rateInquiry, settings } from './plans-fixtures.ts';

const fake = await vi.hoisted(async () => (await import('./fake-bridge.ts')).installFakeBridge());

/** Plans held like the core holds them. */
function plansOf(initial: Plan[]) {
  let stored = [...initial];
  fake.handle('plans.list', () => stored);
  fake.handle('plans.get', ({ id }: { id: string }) => stored.find((plan) => plan.id === id));
  fake.handle('plans.duplicate', ({ id }: { id: string }) => {
    const original = stored.find((plan) => plan.id === id)!;
    const copy = { ...original, id: planId(90), name: `${original.name} (copy)`, builtIn: null, running: 0 };
    stored.push(copy);
    return copy;
  });
  fake.handle('plans.setEnabled', ({ id, enabled }: { id: string; enabled: boolean }) => {
    stored = stored.map((plan) => (plan.id === id ? { ...plan, enabled } : plan));
    return stored.find((plan) => plan.id === id);
  });
}

beforeEach(() => {
  fake.reset();
  fake.handle('tags.list', () => []);
  fake.handle('plans.heldBack', () => []);
  fake.handle('settings.get', () => settings());
  resetAppState();
  navigate({ screen: 'plans' });
});
afterEach(cleanup);

const card = (name: string) => screen.getByRole('heading', { name: new RegExp(`^${name}`) }).closest('li') as HTMLElement;

describe('the Plans screen', () => {
  it('has its own addresses: the list, a new plan, one plan', () => {
    expect(parseRoute('#/plans')).toEqual({ screen: 'plans' });
    expect(parseRoute('#/plans/new')).toEqual({ screen: 'new-plan' });
    expect(parseRoute(hrefFor({ screen: 'plan', id: 'a b' }))).toEqual({ screen: 'plan', id: 'a b' });
    expect(parseRoute('#/plans/%E0')).toEqual({ screen: 'contacts' });
  });

  it('is a link in the sidebar and lists each plan: switched on or off, what starts it, its steps, how many run', async () => {
    plansOf([homeClosing(), rateInquiry({ enabled: false })]);
    navigate({ screen: 'contacts' });
    fake.handle('contacts.list', () => ({ items: [], nextCursor: null, total: 0 }));
    const user = userEvent.setup();
    render(<App />);
    await user.click(screen.getByRole('link', { name: 'Plans' }));
    expect(useNavigation.getState().route).toEqual({ screen: 'plans' });

    await screen.findByRole('heading', { name: /^Home closing/ });
    const home = card('Home closing');
    expect(within(home).getByText('On')).toBeTruthy();
    expect(within(home).getByText(/Starts when: a home closing · 5 steps · 2 running · skips weekends/)).toBeTruthy();
    expect(within(home).getAllByText('2 days after')).toHaveLength(2);
    const rates = card('Rate inquiry');
    expect(within(rates).getByText('Switched off')).toBeTruthy();
    expect(within(rates).getByText(/Starts when: an inquiry with reason “rates” · 1 step · 0 running/)).toBeTruthy();
    for (const name of ['Edit Home closing', 'Duplicate Home closing', 'Switch off Home closing', 'Edit Rate inquiry', 'Duplicate Rate inquiry', 'Switch on Rate inquiry']) {
      expect(screen.getAllByRole('button', { name })).toHaveLength(1);
    }
    expect(screen.getByRole('link', { name: 'Plans' }).getAttribute('aria-current')).toBe('page');
  });

  it('duplicates a plan: the copy shows up in the list', async () => {
    plansOf([homeClosing()]);
    const user = userEvent.setup();
    render(<App />);
    await user.click(await screen.findByRole('button', { name: 'Duplicate Home closing' }));
    expect(fake.callsTo('plans.duplicate')).toEqual([{ id: planId(1) }]);
    expect(await screen.findByRole('heading', { name: /^Home closing \(copy\)/ })).toBeTruthy();
    expect(await screen.findByText('Duplicated Home closing as Home closing (copy)')).toBeTruthy();
  });

  it('switches a plan off, and Undo switches it back on', async () => {
    plansOf([homeClosing()]);
    const user = userEvent.setup();
    render(<App />);
    await user.click(await screen.findByRole('button', { name: 'Switch off Home closing' }));
    expect(fake.callsTo('plans.setEnabled')).toEqual([{ id: planId(1), enabled: false }]);
    expect(await screen.findByRole('button', { name: 'Switch on Home closing' })).toBeTruthy();
    expect(within(card('Home closing')).getByText('Switched off')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(await screen.findByRole('button', { name: 'Switch off Home closing' })).toBeTruthy();
    expect(fake.callsTo('plans.setEnabled').at(-1)).toEqual({ id: planId(1), enabled: true });
  });

  it('lists what the limit on automatic touches held back, and saves the limit and the hours', async () => {
    plansOf([homeClosing()]);
    fake.handle('plans.heldBack', () => [heldBack()]);
    fake.handle('settings.update', (change: object) => settings(change));
    const user = userEvent.setup();
    render(<App />);
    const held = await screen.findByRole('region', { name: 'Held back by the limit on automatic touches' });
    expect(await within(held).findByRole('link', { name: 'Grace Hopper' })).toBeTruthy();
    expect(within(held).getByText('Rate inquiry: Call back with the best offer')).toBeTruthy();
    expect(within(held).getByText(/3 automatic touches in the last 30 days already/)).toBeTruthy();

    const cap = await screen.findByRole('textbox', { name: 'Automatic touches per contact per 30 days' });
    expect((cap as HTMLInputElement).value).toBe('3');
    await user.clear(cap);
    await user.type(cap, '2');
    const evening = screen.getByRole('textbox', { name: 'Evening from (hour)' });
    await user.clear(evening);
    await user.type(evening, '25');
    await user.click(screen.getByRole('button', { name: 'Save strategy' }));
    expect(screen.getByText('Enter an hour from 0 to 23, e.g. 9.')).toBeTruthy();
    expect(fake.callsTo('settings.update')).toEqual([]);

    await user.clear(evening);
    await user.type(evening, '19');
    await user.click(screen.getByRole('button', { name: 'Save strategy' }));
    await waitFor(() => expect(fake.callsTo('settings.update')).toEqual([{ automaticTouchesPer30Days: 2, hours: { morning: 9, afternoon: 14, evening: 19 } }]));
    expect(await screen.findByText('Saved')).toBeTruthy();
  });
});

describe('the plan editor', () => {
  it('makes a new plan; a refused placeholder shows beside the step’s prompt, then it saves', async () => {
    plansOf([homeClosing()]);
    const created: PlanFieldsInput[] = [];
    fake.handle('plans.create', (fields: PlanFieldsInput) => {
      if (fields.steps[1]?.prompt?.includes('{nickname}')) {
        throw new Fail({ code: 'VALIDATION', message: 'Check the plan.', details: { fields: [{ path: 'steps.1.prompt', message: 'Unknown placeholder {nickname}: use {firstName}, {lastName}, …' }] } });
      }
      created.push(fields);
      return { ...homeClosing(), ...fields, id: planId(5), builtIn: null, running: 0, description: '', triggers: fields.triggers ?? [], steps: fields.steps.map((step) => ({ ...step, prompt: step.prompt ?? '' })) } as Plan;
    });
    const user = userEvent.setup();
    render(<App />);
    await user.click(await screen.findByRole('button', { name: 'New plan' }));
    expect(useNavigation.getState().route).toEqual({ screen: 'new-plan' });

    await user.type(await screen.findByRole('textbox', { name: 'Plan name' }), 'Referral thanks');
    await user.type(screen.getByRole('textbox', { name: 'Step 1 Title' }), 'Call to thank them');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Step 1 Kind' }), 'Reach out (their preferred way)');
    await user.click(screen.getByRole('button', { name: 'Add step' }));
    await user.clear(screen.getByRole('textbox', { name: 'Step 2 After the anchor date' }));
    await user.type(screen.getByRole('textbox', { name: 'Step 2 After the anchor date' }), '2');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Step 2 unit' }), 'weeks');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Step 2 Kind' }), 'Handwritten note');
    await user.type(screen.getByRole('textbox', { name: 'Step 2 Title' }), 'Write a note');
    const prompt = screen.getByRole('textbox', { name: 'Step 2 Prompt' });
    await user.type(prompt, 'Dear {{nickname}');
    expect(screen.getAllByText(/You can use \{firstName\} \{lastName\} \{displayName\} \{company\} \{city\} \{anchorDate\} \{lastInteraction\} \{planName\}/)).toHaveLength(2);
    await user.click(screen.getByRole('button', { name: 'Add trigger' }));
    await user.type(screen.getByRole('textbox', { name: 'Trigger 1 With reason' }), 'referral');
    await user.click(screen.getByRole('button', { name: 'Save plan' }));

    await waitFor(() => expect(prompt.getAttribute('aria-invalid')).toBe('true'));
    const describedBy = prompt.getAttribute('aria-describedby')!.split(' ');
    expect(describedBy.map((id) => document.getElementById(id)?.textContent)).toContain('Unknown placeholder {nickname}: use {firstName}, {lastName}, …');
    expect(screen.getByRole('textbox', { name: 'Step 1 Prompt' }).getAttribute('aria-invalid')).toBeNull();
    expect(document.activeElement).toBe(prompt);

    await user.clear(prompt);
    await user.type(prompt, 'Dear {{firstName}');
    await user.click(screen.getByRole('button', { name: 'Save plan' }));
    await waitFor(() => expect(created).toHaveLength(1));
    expect(created[0]).toEqual({
      name: 'Referral thanks',
      description: '',
      enabled: true,
      skipWeekends: false,
      triggers: [{ on: 'interaction', interactionKind: 'inquiry', reason: 'referral' }],
      steps: [
        { offset: { amount: 0, unit: 'days' }, kind: 'reach_out', title: 'Call to thank them', prompt: '' },
        { offset: { amount: 2, unit: 'weeks' }, kind: 'handwritten_note', title: 'Write a note', prompt: 'Dear {firstName}' },
      ],
    });
    await waitFor(() => expect(useNavigation.getState().route).toEqual({ screen: 'plan', id: planId(5) }));
  });

  it('refuses an offset that is not a whole number before asking the core, beside that step', async () => {
    plansOf([homeClosing()]);
    navigate({ screen: 'plan', id: planId(1) });
    const user = userEvent.setup();
    render(<App />);
    const offset = await screen.findByRole('textbox', { name: 'Step 3 After the anchor date' });
    await user.clear(offset);
    await user.type(offset, '1.5');
    await user.click(screen.getByRole('button', { name: 'Save plan' }));
    expect(offset.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Enter the offset as a whole number, like 2.')).toBeTruthy();
    expect(fake.callsTo('plans.update')).toEqual([]);
  });

  it('edits a plan with the version it started from; someone else’s newer save is a choice, not a loss', async () => {
    plansOf([homeClosing()]);
    let stored = homeClosing();
    fake.handle('plans.get', () => stored);
    fake.handle('plans.update', ({ expectedUpdatedAt, fields }: { expectedUpdatedAt: string; fields: PlanFieldsInput }) => {
      if (expectedUpdatedAt !== stored.updatedAt) throw new Fail({ code: 'CONFLICT', message: 'Changed elsewhere.' });
      stored = { ...stored, ...(fields as Partial<Plan>), updatedAt: '2026-12-02T12:00:00.000Z' };
      return stored;
    });
    navigate({ screen: 'plan', id: planId(1) });
    const user = userEvent.setup();
    render(<App />);
    const name = await screen.findByRole('textbox', { name: 'Plan name' });
    stored = { ...stored, description: 'Theirs', updatedAt: '2026-12-02T11:00:00.000Z' };
    await user.clear(name);
    await user.type(name, 'Closing day');
    await user.click(screen.getByRole('button', { name: 'Save plan' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Someone else changed this plan while you were editing.');
    await user.click(screen.getByRole('button', { name: 'Keep my version' }));
    await waitFor(() => expect(stored.name).toBe('Closing day'));
    expect(fake.callsTo('plans.update').map((call) => call.expectedUpdatedAt)).toEqual(['2026-11-01T09:00:00.000Z', '2026-12-02T11:00:00.000Z']);
    expect(await screen.findByRole('heading', { name: 'Closing day', level: 1 })).toBeTruthy();
    expect(contactId(1)).toBeTruthy();
  });
});

describe('where the core’s messages go in the editor', () => {
  it('beside the deepest field the editor has for the path, an update’s fields. prefix dropped', () => {
    expect(errorKeyFor('steps.1.prompt')).toBe('steps.1.prompt');
    expect(errorKeyFor('fields.steps.2.offset.amount')).toBe('steps.2.offset');
    expect(errorKeyFor('steps')).toBe('steps');
    expect(errorKeyFor('triggers.0.reason')).toBe('triggers.0.reason');
    expect(errorKeyFor('triggers.1.interactionKind')).toBe('triggers.1');
    expect(errorKeyFor('fields.name')).toBe('name');
    expect(errorKeyFor('expectedUpdatedAt')).toBe('form');
  });
});
