import Sqlite from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Followup } from '../../shared/followups/followups.schemas.ts';
import type { Plan, PlanRun } from '../../shared/plans/plans.schemas.ts';
import { dated, openPlansCore, type PlansCore } from './plans-core.ts';

let app: PlansCore;
beforeEach(async () => {
  app = await openPlansCore();
});
afterEach(() => app.remove());

const myPlan = (more: object = {}) => ({
  name: 'Thank a referrer',
  steps: [
    { offset: { amount: 1, unit: 'days' }, kind: 'handwritten_note', title: 'Thank {firstName}', prompt: 'Dear {firstName} of {company} in {city}: since {lastInteraction}, and from {anchorDate} ({planName}).' },
    { offset: { amount: 2, unit: 'weeks' }, kind: 'reach_out', title: 'Check in', prompt: '' },
  ],
  ...more,
});

describe('built-in plans', () => {
  it('lists the four built-ins, editable, with their triggers', async () => {
    const plans = await app.plans();
    expect(plans.map((plan) => [plan.name, plan.builtIn, plan.enabled, plan.running])).toEqual([
      ['Complaint recovery', 'complaint_recovery', true, 0],
      ['Home closing', 'home_closing', true, 0],
      ['New customer welcome', 'new_customer_welcome', true, 0],
      ['Rate inquiry', 'rate_inquiry', true, 0],
    ]);
    expect((await app.plan('Rate inquiry')).triggers).toEqual([{ on: 'interaction', interactionKind: 'inquiry', reason: 'rates' }]);
  });

  it('Home closing: gift and note after 2 days, a call after 14, cards at 6 months and a year, at the contact’s preferred time', async () => {
    const ada = await app.contact('Ada', { lastName: 'Lovelace', preferredTime: 'afternoon' });
    const plan = await app.plan('Home closing');
    const preview = await app.preview({ planId: plan.id, contactId: ada.id, anchorDate: '2026-12-02' });
    expect(dated(preview.steps)).toEqual(['gift 2026-12-04 14:00', 'handwritten_note 2026-12-04 14:00', 'call 2026-12-16 14:00', 'card 2027-06-02 14:00', 'card 2027-12-02 14:00']);
    expect(preview.steps.map((step) => step.title)).toEqual([
      'Housewarming gift for Ada',
      'Handwritten thank-you note to Ada Lovelace',
      'Call Ada: how is the new home?',
      'Six-month card for Ada Lovelace',
      'Anniversary card for Ada Lovelace',
    ]);
    expect(preview.steps[1]!.prompt).toMatch(/^Dear Ada,\n\nThank you .*\(2 December 2026\)/);
    expect(preview.notes).toEqual([]);
  });

  it('counts months on calendar dates (31 Aug + 6 months = 28 Feb) and moves a weekend day to Monday when the plan skips weekends', async () => {
    const ada = await app.contact('Ada');
    const plan = await app.plan('Home closing');
    const before = await app.preview({ planId: plan.id, contactId: ada.id, anchorDate: '2026-08-31' });
    expect(dated(before.steps)).toEqual(['gift 2026-09-02', 'handwritten_note 2026-09-02', 'call 2026-09-14', 'card 2027-02-28', 'card 2027-08-31']);
    await app.call('plans.update', { id: plan.id, expectedUpdatedAt: plan.updatedAt, fields: { ...plan, skipWeekends: true } });
    const after = await app.preview({ planId: plan.id, contactId: ada.id, anchorDate: '2026-08-31' });
    // 28 Feb 2027 is a Sunday.
    expect(after.steps[3]!.dueDate).toBe('2027-03-01');
  });

  it('New customer welcome skips weekends and reaches out the way the contact prefers; Complaint recovery and Rate inquiry keep their days', async () => {
    const rose = await app.contact('Rose', { preferredChannel: 'mail', preferredTime: 'morning' });
    const welcome = await app.preview({ planId: (await app.plan('New customer welcome')).id, contactId: rose.id, anchorDate: '2026-12-05' });
    expect(dated(welcome.steps)).toEqual(['handwritten_note 2026-12-07 09:00', 'call 2026-12-14 09:00', 'card 2027-01-04 09:00']);
    await app.call('settings.update', { hours: { morning: 9, afternoon: 14, evening: 19 } });
    const tom = await app.contact('Tom', { preferredChannel: 'sms', preferredTime: 'evening' });
    const complaint = await app.preview({ planId: (await app.plan('Complaint recovery')).id, contactId: tom.id, anchorDate: '2026-12-02' });
    expect(dated(complaint.steps)).toEqual(['call 2026-12-02 19:00', 'handwritten_note 2026-12-05 19:00', 'call 2026-12-16 19:00']);
    const kim = await app.contact('Kim', { preferredTime: 'any' });
    const rates = await app.preview({ planId: (await app.plan('Rate inquiry')).id, contactId: kim.id });
    expect(rates.anchorDate).toBe('2026-12-02');
    expect(dated(rates.steps)).toEqual(['call 2026-12-02']);
    expect(rates.steps[0]!.title).toBe('Call back Kim with the best offer');
  });
});

describe('plans.create, update, duplicate, setEnabled', () => {
  it('saves a plan, fills every placeholder when it starts, and reach out becomes the preferred channel', async () => {
    const plan = await app.call<Plan>('plans.create', myPlan());
    expect(plan).toMatchObject({ builtIn: null, enabled: true, skipWeekends: false, triggers: [], description: '' });
    const ada = await app.contact('Ada', { company: 'Analytical Engines', address: { city: 'London' }, preferredChannel: 'email' });
    const run = await app.start({ planId: plan.id, contactId: ada.id, anchorDate: '2026-12-01' });
    expect(run.steps.map((step) => [step.kind, step.title, step.prompt, step.dueDate, step.state])).toEqual([
      ['handwritten_note', 'Thank Ada', 'Dear Ada of Analytical Engines in London: since —, and from 1 December 2026 (Thank a referrer).', '2026-12-02', 'open'],
      ['email', 'Check in', '', '2026-12-15', 'open'],
    ]);
    const made = await app.call<Followup[]>('followups.list', { contactId: ada.id });
    expect(made.map((followup) => followup.id)).toEqual(run.steps.map((step) => step.followupId));
    await app.call('history.log', { contactId: ada.id, kind: 'call', occurredAt: '2026-11-20T10:00:00.000Z' });
    const later = await app.preview({ planId: plan.id, contactId: ada.id, anchorDate: '2026-12-01' });
    expect(later.steps[0]!.prompt).toContain('since 20 November 2026,');
  });

  it('refuses an unknown placeholder, naming it and its step', async () => {
    const steps = [{ offset: { amount: 0, unit: 'days' }, kind: 'call', title: 'Call' }, { offset: { amount: 1, unit: 'days' }, kind: 'call', title: 'Call', prompt: 'Dear {fristName},' }];
    const refused = await app.refusal('plans.create', myPlan({ steps }));
    expect(refused).toEqual({
      code: 'VALIDATION',
      message: expect.stringMatching(/^Please check: Steps: Step 2's prompt uses \{fristName\}, which Ambassador does not know\. Use one of \{firstName\}, /),
      paths: ['steps.1.prompt'],
    });
    expect((await app.plans()).map((plan) => plan.name)).not.toContain('Thank a referrer');
  });

  it('keeps a running plan’s steps when the plan is edited, refuses an edit from an old version, and duplicates without triggers', async () => {
    const ada = await app.contact('Ada');
    const plan = await app.plan('Rate inquiry');
    const run = await app.start({ planId: plan.id, contactId: ada.id });
    const edited = await app.call<Plan>('plans.update', {
      id: plan.id,
      expectedUpdatedAt: plan.updatedAt,
      fields: { ...plan, steps: [{ offset: { amount: 1, unit: 'days' }, kind: 'email', title: 'Email {firstName} the offer' }] },
    });
    expect(edited).toMatchObject({ builtIn: 'rate_inquiry', running: 1 });
    expect(edited.updatedAt > plan.updatedAt).toBe(true);
    const [still] = await app.runs({ contactId: ada.id });
    expect(still!.steps.map((step) => step.title)).toEqual(run.steps.map((step) => step.title));
    const stale = await app.refusal('plans.update', { id: plan.id, expectedUpdatedAt: plan.updatedAt, fields: { ...plan, name: 'Rates' } });
    expect(stale.code).toBe('CONFLICT');

    const copy = await app.call<Plan>('plans.duplicate', { id: plan.id });
    expect(copy).toMatchObject({ name: 'Copy of Rate inquiry', builtIn: null, triggers: [], running: 0, steps: edited.steps });
    const off = await app.call<Plan>('plans.setEnabled', { id: copy.id, enabled: false });
    expect(off.enabled).toBe(false);
    expect(app.events.filter((event) => event.name === 'plans.changed').map((event) => (event.payload as { reason: string }).reason)).toEqual(['updated', 'duplicated', 'disabled']);
  });
});

describe('plans.start, runs and cancel', () => {
  it('starts every step in one write, tells every window, and shows the run with its progress', async () => {
    const ada = await app.contact('Ada');
    const plan = await app.plan('Complaint recovery');
    app.events.length = 0;
    const run = await app.start({ planId: plan.id, contactId: ada.id, anchorDate: '2026-12-02' });
    expect(run).toMatchObject({ planName: 'Complaint recovery', contactName: 'Ada', startedBy: 'By hand', status: 'running', done: 0, total: 3, cancelledAt: null });
    expect(app.events).toEqual([
      { name: 'plans.runsChanged', payload: { runIds: [run.id], contactIds: [ada.id], reason: 'started' } },
      { name: 'followups.changed', payload: { ids: run.steps.map((step) => step.followupId), contactIds: [ada.id], reason: 'created' } },
    ]);
    expect((await app.plan('Complaint recovery')).running).toBe(1);
    const again = await app.preview({ planId: plan.id, contactId: ada.id });
    expect(again.notes).toEqual(['“Complaint recovery” is already running for Ada: starting it again adds its steps a second time.']);
  });

  it('cancel: the open follow-ups go, the done one stays in history; a plan whose steps are all done is finished', async () => {
    const ada = await app.contact('Ada');
    const run = await app.start({ planId: (await app.plan('Complaint recovery')).id, contactId: ada.id });
    await app.call('followups.complete', { id: run.steps[0]!.followupId, outcome: 'Apologised' });
    expect((await app.runs())[0]).toMatchObject({ status: 'running', done: 1, total: 3 });
    const cancelled = await app.call<PlanRun>('plans.cancel', { runId: run.id });
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.steps.map((step) => step.state)).toEqual(['done', 'cancelled', 'cancelled']);
    expect((await app.call<Followup[]>('followups.list', { contactId: ada.id })).map((followup) => [followup.title, followup.status])).toEqual([['Call Ada about the complaint', 'done']]);
    expect(await app.runs({ status: 'running' })).toEqual([]);
    expect((await app.plan('Complaint recovery')).running).toBe(0);

    const short = await app.start({ planId: (await app.plan('Rate inquiry')).id, contactId: ada.id });
    await app.call('followups.skip', { id: short.steps[0]!.followupId });
    expect((await app.runs({ status: 'finished' })).map((each) => each.id)).toEqual([short.id]);
    expect((await app.refusal('plans.cancel', { runId: short.id })).code).toBe('CONFLICT');
  });

  it('starts nothing when one follow-up cannot be written: all steps or none', async () => {
    const ada = await app.contact('Ada');
    const plan = await app.plan('Home closing');
    const outside = new Sqlite(join(app.core.databaseFile));
    outside.exec(`create trigger second_fails before insert on followups when (select count(*) from followups) >= 1
      begin select raise(abort, 'the disk filled up'); end`);
    outside.close();
    const result = await app.core.dispatch('plans.start', { planId: plan.id, contactId: ada.id });
    expect(result.ok).toBe(false);
    expect(await app.call('followups.list', { contactId: ada.id })).toEqual([]);
    expect(await app.runs()).toEqual([]);
  });
});

describe('bad input', () => {
  it('refuses an offset that is not whole, a plan with no steps, a bad anchor and a switched-off plan, naming the field', async () => {
    const step = { offset: { amount: 1.5, unit: 'days' }, kind: 'call', title: 'Call' };
    expect(await app.refusal('plans.create', myPlan({ steps: [step] }))).toMatchObject({ code: 'VALIDATION', paths: ['steps.0.offset.amount'], message: expect.stringMatching(/Steps: The offset must be a whole number/) });
    expect(await app.refusal('plans.create', myPlan({ steps: [] }))).toMatchObject({ code: 'VALIDATION', paths: ['steps'], message: expect.stringMatching(/Steps: A plan needs at least one step/) });
    const ada = await app.contact('Ada');
    const plan = await app.plan('Home closing');
    expect(await app.refusal('plans.start', { planId: plan.id, contactId: ada.id, anchorDate: '2026-02-30' })).toMatchObject({ code: 'VALIDATION', paths: ['anchorDate'], message: expect.stringMatching(/Anchor date: That day does not exist/) });
    await app.call('plans.setEnabled', { id: plan.id, enabled: false });
    expect((await app.preview({ planId: plan.id, contactId: ada.id })).notes).toEqual(['“Home closing” is switched off. Switch it on in Plans to start it.']);
    expect(await app.refusal('plans.start', { planId: plan.id, contactId: ada.id })).toEqual({
      code: 'VALIDATION',
      message: 'Please check: Plan: “Home closing” is switched off. Switch it on in Plans, then start it.',
      paths: ['planId'],
    });
    expect(await app.call('followups.list', { contactId: ada.id })).toEqual([]);
  });
});
