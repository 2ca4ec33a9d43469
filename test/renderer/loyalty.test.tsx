// @vitest-environment jsdom
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LoyaltyStanding, OverrideStage, RecordScore } from '../../shared/insights/loyalty.schemas.ts';
import type { CoreEvent } from '../../shared/api/events.ts';
import { App } from '../../src-renderer/app/App.tsx';
import { navigate } from '../../src-renderer/app/navigation.store.ts';
import { todayLocal } from '../../src-renderer/ui/dates.ts';
import { resetAppState } from './app-state.ts';
import { contactId, directoryOf, Fail, fullContact } from './fake-bridge.ts';
import { homeClosing, planId, preview, settings } from './plans-fixtures.ts';
import { score, standing } from './purchases-fixtures.ts';

const fake = await vi.hoisted(async () => (await import('./fake-bridge.ts')).installFakeBridge());

const stageWords = ['Detractor', 'At risk', 'Movable', 'Ambassador'];
const outOfRange = 'The likelihood to recommend runs from 0 to 10.';

beforeEach(() => {
  fake.reset();
  fake.handle('tags.list', () => []);
  fake.handle('contacts.list', directoryOf(3));
  fake.handle('contacts.get', ({ id }: { id: string }) => fullContact({ id }));
  fake.handle('history.timeline', () => ({ items: [], nextCursor: null, total: 0 }));
  fake.handle('followups.list', () => []);
  fake.handle('purchases.list', () => ({ items: [], nextCursor: null, total: 0 }));
  fake.handle('settings.get', () => settings());
  resetAppState();
  navigate({ screen: 'contact', id: contactId(1) });
});
afterEach(cleanup);

/** The standing held like the core holds it: a score or an override changes it and publishes loyalty.changed. */
function standingOf(initial: LoyaltyStanding) {
  let current = initial;
  fake.handle('loyalty.standing', () => current);
  fake.handle('loyalty.recordScore', (input: RecordScore) => {
    if (input.score > 10) throw new Fail({ code: 'VALIDATION', message: outOfRange, details: { fields: [{ path: 'score', message: outOfRange }] } });
    const saved = score({ id: 's2', score: input.score, scoredOn: input.scoredOn });
    current = { ...current, latestScore: saved, scores: [saved, ...current.scores] };
    setTimeout(() => fake.emit({ name: 'loyalty.changed', payload: { contactIds: [input.contactId], reason: 'scored' } }));
    return saved;
  });
  fake.handle('loyalty.override', (input: OverrideStage) => {
    current =
      input.stage === null
        ? { ...current, stage: current.ruleStage, reason: current.ruleReason, source: 'rules', override: null }
        : { ...current, stage: input.stage, reason: `set by hand: ${input.reason ?? ''}`, source: 'override', override: { stage: input.stage, reason: input.reason ?? '', setAt: '2026-12-02T10:00:00.000Z' } };
    setTimeout(() => fake.emit({ name: 'loyalty.changed', payload: { contactIds: [input.contactId], reason: 'overridden' } }));
    return current;
  });
}

const loyalty = () => screen.findByRole('region', { name: 'Loyalty' });
/** How many times each stage's name is on the contact's page: an outside check wants exactly one. */
const stageCounts = () => Object.fromEntries(stageWords.map((word) => [word, document.body.textContent!.split(word).length - 1]));

describe('The loyalty ladder on a contact’s page', () => {
  it('shows the stage in its own element with the reason beside it, each stage’s name once on the page', async () => {
    standingOf(standing());
    render(<App />);
    const shown = await loyalty();
    const stage = await within(shown).findByText('Movable');
    expect(stage.textContent).toBe('Movable');
    expect(within(shown).getByText('— Bought 20 days ago, steady rhythm')).toBeTruthy();
    expect(stageCounts()).toEqual({ Detractor: 0, 'At risk': 0, Movable: 1, Ambassador: 0 });
    expect(within(shown).getByText(/^Latest likelihood to recommend: 8 of 10/)).toBeTruthy();
  });

  it('says “No stage yet” for a contact not on the ladder', async () => {
    standingOf(standing({ stage: null, reason: 'no purchases yet', ruleStage: null, moves: [], latestScore: null, scores: [] }));
    render(<App />);
    const shown = await loyalty();
    expect(await within(shown).findByText('No stage yet')).toBeTruthy();
    expect(stageCounts()).toEqual({ Detractor: 0, 'At risk': 0, Movable: 0, Ambassador: 0 });
    expect(within(shown).queryByRole('button', { name: 'Stage history' })).toBeNull();
  });

  it('records a likelihood to recommend on today’s date; an 11 shows the core’s message beside the field', async () => {
    standingOf(standing());
    const user = userEvent.setup();
    render(<App />);
    const shown = await loyalty();
    const field = await within(shown).findByLabelText('Likelihood to recommend');
    expect(within(shown).queryByRole('button', { name: 'Save score' })).toBeNull();
    expect((within(shown).getByLabelText('Scored on') as HTMLInputElement).value).toBe(todayLocal());

    await user.type(field, '11');
    await user.click(within(shown).getByRole('button', { name: 'Save score' }));
    await waitFor(() => expect(field.getAttribute('aria-invalid')).toBe('true'));
    expect(within(field.closest('.field') as HTMLElement).getByText(outOfRange)).toBeTruthy();

    await user.clear(field);
    await user.type(field, '4{Enter}');
    await waitFor(() => expect(fake.callsTo('loyalty.recordScore').at(-1)).toEqual({ contactId: contactId(1), score: 4, scoredOn: todayLocal() }));
    expect(await within(shown).findByText(/^Latest likelihood to recommend: 4 of 10/)).toBeTruthy();
    expect((field as HTMLInputElement).value).toBe('');

    await user.type(field, '7');
    await user.keyboard('{Escape}');
    expect((field as HTMLInputElement).value).toBe('');
    expect(within(shown).queryByRole('button', { name: 'Save score' })).toBeNull();
    expect(screen.getByRole('region', { name: 'Loyalty' })).toBe(shown);
  });

  it('sets the stage by hand with a reason, then gives it back to the rules', async () => {
    standingOf(standing());
    const user = userEvent.setup();
    render(<App />);
    const shown = await loyalty();
    await within(shown).findByText('Movable');
    expect(within(shown).queryByLabelText('Stage')).toBeNull();
    expect(within(shown).queryByRole('button', { name: 'Use the rules again' })).toBeNull();

    await user.click(within(shown).getByRole('button', { name: 'Change stage' }));
    await user.selectOptions(within(shown).getByLabelText('Stage'), 'Ambassador');
    await user.click(within(shown).getByRole('button', { name: 'Set stage' }));
    expect(within(within(shown).getByLabelText('Reason').closest('.field') as HTMLElement).getByText('Say why you are setting the stage by hand.')).toBeTruthy();
    expect(fake.callsTo('loyalty.override')).toEqual([]);

    await user.type(within(shown).getByLabelText('Reason'), 'sends us half the street{Enter}');
    await waitFor(() => expect(fake.callsTo('loyalty.override')).toEqual([{ contactId: contactId(1), stage: 'ambassador', reason: 'sends us half the street' }]));
    expect(await within(shown).findByText('Ambassador')).toBeTruthy();
    expect(within(shown).getByText('— Set by hand: sends us half the street')).toBeTruthy();
    expect(within(shown).queryByLabelText('Stage')).toBeNull();
    expect(stageCounts()).toEqual({ Detractor: 0, 'At risk': 0, Movable: 0, Ambassador: 1 });

    await user.click(within(shown).getByRole('button', { name: 'Use the rules again' }));
    expect(await within(shown).findByText('Movable')).toBeTruthy();
    expect(fake.callsTo('loyalty.override').at(-1)).toEqual({ contactId: contactId(1), stage: null, reason: '' });
  });

  it('Escape closes the Change stage form without leaving the page', async () => {
    standingOf(standing());
    const user = userEvent.setup();
    render(<App />);
    const shown = await loyalty();
    await user.click(await within(shown).findByRole('button', { name: 'Change stage' }));
    await user.keyboard('{Escape}');
    expect(within(shown).queryByLabelText('Reason')).toBeNull();
    expect(screen.getByRole('region', { name: 'Loyalty' })).toBeTruthy();
  });

  it('reveals the stage history on demand: date, from → to, reason', async () => {
    standingOf(standing());
    const user = userEvent.setup();
    render(<App />);
    const shown = await loyalty();
    const toggle = await within(shown).findByRole('button', { name: 'Stage history' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(within(shown).queryByText(/→/)).toBeNull();
    await user.click(toggle);
    const moves = within(shown).getAllByRole('listitem').filter((item) => item.textContent!.includes('→'));
    expect(moves.map((item) => item.querySelector('strong')!.textContent)).toEqual(['At risk → Movable', 'no stage → At risk']);
    expect(moves[0]!.textContent).toContain('a second purchase');
    expect(moves[1]!.querySelector('time')!.getAttribute('dateTime')).toBe('2026-01-01');
  });

  it('offers the suggested Complaint recovery, opening the Start plan dialog on it', async () => {
    const recovery = { ...homeClosing(), id: planId(7), name: 'Complaint recovery' };
    fake.handle('plans.list', () => [homeClosing(), recovery]);
    fake.handle('plans.runs', () => []);
    fake.handle('plans.preview', () => preview({ planId: planId(7), planName: 'Complaint recovery' }));
    standingOf(standing({ stage: 'detractor', reason: 'scored 3 on 2026-11-02', suggestedPlan: { planId: planId(7), name: 'Complaint recovery' } }));
    const user = userEvent.setup();
    render(<App />);
    const shown = await loyalty();
    await user.click(await within(shown).findByRole('button', { name: 'Start Complaint recovery' }));
    const dialog = await screen.findByRole('dialog');
    await waitFor(() => expect((within(dialog).getByRole('combobox', { name: 'Plan' }) as HTMLSelectElement).value).toBe(planId(7)));
    expect(fake.callsTo('plans.preview').at(-1)).toMatchObject({ planId: planId(7), contactId: contactId(1) });
  });

  it.each(['loyalty.changed', 'insights.changed', 'purchases.changed', 'history.changed'] as const)('asks again on %s', async (name) => {
    let current = standing();
    fake.handle('loyalty.standing', () => current);
    render(<App />);
    const shown = await loyalty();
    await within(shown).findByText('Movable');
    current = standing({ stage: 'at_risk', reason: 'slipping: no purchase in 200 days' });
    const payloads = {
      'loyalty.changed': { contactIds: [contactId(1)], reason: 'moved', stages: ['at_risk'] },
      'insights.changed': { computedAt: '2026-12-02T10:00:00.000Z', customers: 10 },
      'purchases.changed': { ids: [], contactIds: [contactId(1)], reason: 'deleted' },
      'history.changed': { contactIds: [contactId(1)], reason: 'logged' },
    };
    act(() => fake.emit({ name, payload: payloads[name] } as CoreEvent));
    expect(await within(shown).findByText('At risk')).toBeTruthy();
  });
});
