import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ContactFields } from '../../shared/contacts/contacts.schemas.ts';
import type { HeldBackTouch, Plan } from '../../shared/plans/plans.schemas.ts';
import { insertContactWithDetails } from '../../src-main/core/contacts/contacts.service.ts';
import { closeDatabase, openDatabase } from '../../src-main/core/db/database.ts';
import { migrateToLatest } from '../../src-main/core/db/migrate.ts';
import { firePurchaseTriggers, listRuns } from '../../src-main/core/plans/plans.service.ts';
import { makeTempDataDir } from '../helpers/temp-data-dir.ts';
import { at } from './followups-core.ts';
import { dated, openPlansCore, type PlansCore } from './plans-core.ts';

let app: PlansCore;
beforeEach(async () => {
  app = await openPlansCore();
});
afterEach(() => app.remove());

const log = (contactId: string, kind: string, reasons: string[] = [], occurredAt = '2026-12-02T08:00:00.000Z') =>
  app.call('history.log', { contactId, kind, reasons, occurredAt, direction: 'inbound' });

describe('triggers', () => {
  it('an inquiry with reason “rates” starts Rate inquiry once, in the same write, due the day it came in', async () => {
    const ada = await app.contact('Ada');
    app.events.length = 0;
    await log(ada.id, 'inquiry', ['Rates']);
    const [run] = await app.runs({ contactId: ada.id });
    expect(run).toMatchObject({ planName: 'Rate inquiry', startedBy: 'inquiry with reason “Rates”', status: 'running', anchorDate: '2026-12-02' });
    expect(dated(run!.steps)).toEqual(['call 2026-12-02']);
    expect(app.events.map((event) => event.name).filter((name) => name !== 'followups.due')).toEqual(['history.changed', 'contacts.changed', 'plans.runsChanged', 'followups.changed']);

    await log(ada.id, 'inquiry', ['rates'], '2026-12-02T08:30:00.000Z');
    expect(await app.runs({ contactId: ada.id })).toHaveLength(1);
    // Once its call is done the run is over, and the next inquiry starts it again.
    await app.call('followups.complete', { id: run!.steps[0]!.followupId });
    await log(ada.id, 'inquiry', ['rates'], '2026-12-02T08:45:00.000Z');
    expect(await app.runs({ contactId: ada.id })).toHaveLength(2);
    await log(ada.id, 'inquiry', ['opening hours'], '2026-12-02T08:50:00.000Z');
    expect(await app.runs({ contactId: ada.id })).toHaveLength(2);
  });

  it('a complaint starts Complaint recovery; a contact created with a tag starts the plan that tag starts', async () => {
    const grace = await app.contact('Grace');
    await log(grace.id, 'complaint');
    expect((await app.runs({ contactId: grace.id })).map((run) => [run.planName, run.startedBy, run.total])).toEqual([['Complaint recovery', 'complaint', 3]]);

    const vip = await app.call<Plan>('plans.create', {
      name: 'VIP welcome',
      triggers: [{ on: 'contact_tagged', tag: 'VIP' }],
      steps: [{ offset: { amount: 1, unit: 'days' }, kind: 'gift', title: 'Welcome gift for {firstName}' }],
    });
    const tom = await app.contact('Tom', { tags: ['vip'] });
    expect((await app.runs({ contactId: tom.id })).map((run) => [run.planId, run.startedBy, run.steps[0]!.title, run.steps[0]!.dueDate])).toEqual([[vip.id, 'tagged “vip”', 'Welcome gift for Tom', '2026-12-03']]);
    const kim = await app.contact('Kim');
    await app.call('contacts.update', { id: kim.id, expectedUpdatedAt: kim.updatedAt, fields: { firstName: 'Kim', tags: ['VIP'] } });
    expect(await app.runs({ contactId: kim.id })).toHaveLength(1);
  });

  it('a switched-off plan is not started by its trigger', async () => {
    const ada = await app.contact('Ada');
    await app.call('plans.setEnabled', { id: (await app.plan('Complaint recovery')).id, enabled: false });
    await log(ada.id, 'complaint');
    expect(await app.runs()).toEqual([]);
  });

  it('a contact marked “do not contact automatically” gets no triggered plan; starting one by hand works and says so', async () => {
    const rose = await app.contact('Rose', { doNotContactAutomatically: true });
    expect(rose.doNotContactAutomatically).toBe(true);
    await log(rose.id, 'complaint');
    await log(rose.id, 'inquiry', ['rates']);
    expect(await app.runs()).toEqual([]);
    const plan = await app.plan('Complaint recovery');
    expect((await app.preview({ planId: plan.id, contactId: rose.id })).notes).toEqual([
      'Rose is marked “do not contact automatically”: no trigger starts a plan for them, but starting one by hand works.',
    ]);
    expect((await app.start({ planId: plan.id, contactId: rose.id })).total).toBe(3);
  });
});

describe('the cap on automatic touches', () => {
  it('holds back the steps beyond it in any 30 days and lists them; a start by hand is not capped', async () => {
    await app.call('settings.update', { automaticTouchesPer30Days: 2 });
    const ada = await app.contact('Ada');
    await log(ada.id, 'complaint');
    const [recovery] = await app.runs({ contactId: ada.id });
    expect(dated(recovery!.steps)).toEqual(['call 2026-12-02', 'handwritten_note 2026-12-05']);
    await log(ada.id, 'inquiry', ['rates']);
    expect(await app.runs({ contactId: ada.id })).toHaveLength(1);
    const held = await app.call<HeldBackTouch[]>('plans.heldBack');
    // Newest first.
    expect(held.map((touch) => [touch.contactName, touch.planName, touch.stepTitle, touch.dueDate, touch.reason])).toEqual([
      ['Ada', 'Rate inquiry', 'Call back Ada with the best offer', '2026-12-02', 'Already 2 automatic touches within 30 days of 2 December 2026 (the limit in Settings).'],
      ['Ada', 'Complaint recovery', 'Check in with Ada after the complaint', '2026-12-16', 'Already 2 automatic touches within 30 days of 16 December 2026 (the limit in Settings).'],
    ]);
    expect(app.events.some((event) => event.name === 'plans.runsChanged' && (event.payload as { reason: string }).reason === 'held_back')).toBe(true);

    expect((await app.start({ planId: (await app.plan('Home closing')).id, contactId: ada.id })).total).toBe(5);
    // A touch cancelled frees its place.
    await app.call('plans.cancel', { runId: recovery!.id });
    await log(ada.id, 'inquiry', ['rates'], '2026-12-02T09:00:00.000Z');
    expect((await app.runs({ contactId: ada.id, status: 'running' })).map((run) => run.startedBy)).toContain('inquiry with reason “rates”');
  });
});

describe('firePurchaseTriggers, the point the commerce issue calls inside its own write', () => {
  it('a closing starts Home closing from the closing day; a first purchase starts New customer welcome; a refund starts nothing', async () => {
    const data = makeTempDataDir();
    const opened = openDatabase(data.dir);
    try {
      await migrateToLatest(opened.db);
      const ctx = { db: opened.db, publish: () => {} };
      const now = '2026-12-02T09:00:00.000Z';
      const ada = await insertContactWithDetails(opened.db, ContactFields.parse({ firstName: 'Ada' }), now);
      const kim = await insertContactWithDetails(opened.db, ContactFields.parse({ firstName: 'Kim' }), now);
      const clock = at('2026-12-02');
      expect(await firePurchaseTriggers(opened.db, clock, { contactId: ada.id, kind: 'refund', isFirstPurchase: false, date: '2026-11-30' })).toEqual([]);
      const events = await opened.db.transaction().execute((tx) => firePurchaseTriggers(tx, clock, { contactId: ada.id, kind: 'closing', isFirstPurchase: false, date: '2026-11-30' }));
      expect(events.map((event) => event.name)).toEqual(['plans.runsChanged', 'followups.changed']);
      await firePurchaseTriggers(opened.db, clock, { contactId: kim.id, kind: 'sale', isFirstPurchase: true, date: '2026-12-01' });
      const runs = await listRuns(ctx, {});
      expect(runs.map((run) => [run.contactName, run.planName, run.anchorDate, run.startedBy, run.steps[0]!.dueDate])).toEqual([
        ['Kim', 'New customer welcome', '2026-12-01', 'first purchase', '2026-12-01'],
        ['Ada', 'Home closing', '2026-11-30', 'home closing', '2026-12-02'],
      ]);
      // Three of Home closing's five steps fall within a month: the default cap of 3 in any 30 days lets all through.
      expect(runs[1]!.steps.map((step) => step.title)).toEqual(['Housewarming gift for Ada', 'Handwritten thank-you note to Ada', 'Call Ada: how is the new home?', 'Six-month card for Ada', 'Anniversary card for Ada']);
      const rolledBack = opened.db.transaction().execute(async (tx) => {
        await firePurchaseTriggers(tx, clock, { contactId: kim.id, kind: 'closing', isFirstPurchase: false, date: '2026-12-01' });
        throw new Error('the sale could not be saved');
      });
      await expect(rolledBack).rejects.toThrow('could not be saved');
      expect(await listRuns(ctx, { contactId: kim.id })).toHaveLength(1);
    } finally {
      await closeDatabase(opened);
      data.remove();
    }
  });
});
