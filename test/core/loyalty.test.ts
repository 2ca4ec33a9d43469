import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Contact } from '../../shared/contacts/contacts.schemas.ts';
import type { Followup } from '../../shared/followups/followups.schemas.ts';
import type { LoyaltyStanding } from '../../shared/insights/loyalty.schemas.ts';
import type { Plan } from '../../shared/plans/plans.schemas.ts';
import { at } from './followups-core.ts';
import { openValuesCore, type ValuesCore } from './insights-values-core.ts';

// Today is 2026-12-02 (a Wednesday) on the core's clock; default thresholds:
// detractor ≤ 6 or a complaint in 90 days, ambassador ≥ 9 or a referral in 365
// days and active (bought within 365 days), new customers 90 days, rhythm × 2.

let app: ValuesCore;
beforeEach(async () => {
  app = await openValuesCore();
});
afterEach(async () => {
  await app.remove();
});

const person = (firstName: string) => app.contact(firstName, { lastName: 'Test' });
const score = (contactId: string, value: number, scoredOn: string) => app.call('loyalty.recordScore', { contactId, score: value, scoredOn });
const log = (contactId: string, kind: string, day: string, more: object = {}) =>
  app.call('history.log', { contactId, kind, occurredAt: new Date(at(day, '12:00')).toISOString(), ...more });
const stageOf = async (contactId: string) => {
  const standing = await app.standing(contactId);
  return `${standing.stage} | ${standing.reason}`;
};

describe('each rule of the ladder alone, with its reason', () => {
  it('a contact with no purchases and no evidence has no stage', async () => {
    const ann = await person('Ann');
    expect(await stageOf(ann.id)).toBe('null | no purchases yet');
  });

  it('a score at or below 6 makes a detractor', async () => {
    const ann = await person('Ann');
    await score(ann.id, 4, '2026-11-02');
    expect(await stageOf(ann.id)).toBe('detractor | scored 4 on 2026-11-02');
  });

  it('a complaint in the last 90 days makes a detractor; an older one does not', async () => {
    const ann = await person('Ann');
    const bob = await person('Bob');
    await log(ann.id, 'complaint', '2026-11-20');
    await log(bob.id, 'complaint', '2026-08-01');
    expect(await stageOf(ann.id)).toBe('detractor | complained on 2026-11-20');
    expect((await app.standing(bob.id)).stage).toBeNull();
  });

  it('a score of 9 or 10 from an active customer makes an ambassador', async () => {
    const ann = await person('Ann');
    app.purchases(ann.id, ['2026-03-01', '2026-11-01']);
    await score(ann.id, 9, '2026-11-10');
    expect(await stageOf(ann.id)).toBe('ambassador | scored 9 on 2026-11-10, still buying (last purchase 31 days ago)');
  });

  it('a referral they gave in the last 12 months makes an active customer an ambassador', async () => {
    const ann = await person('Ann');
    const newcomer = await person('Cid');
    app.purchases(ann.id, ['2026-03-01', '2026-10-01']);
    await log(newcomer.id, 'referral', '2026-09-15', { direction: 'inbound', referredById: ann.id });
    expect(await stageOf(ann.id)).toBe('ambassador | referred someone on 2026-09-15, still buying (last purchase 62 days ago)');
    // The one referred has no purchases: the referral is not theirs to be praised for.
    expect((await app.standing(newcomer.id)).stage).toBeNull();
  });

  it('a 9 or 10 from someone who never bought is not active: no stage', async () => {
    const ann = await person('Ann');
    await score(ann.id, 10, '2026-11-10');
    expect(await stageOf(ann.id)).toBe('null | no purchases yet');
  });

  it('a new customer (first purchase in the last 90 days) is at risk', async () => {
    const ann = await person('Ann');
    app.purchases(ann.id, ['2026-11-20']);
    expect(await stageOf(ann.id)).toBe('at_risk | New customer: first purchase 12 days ago');
  });

  it('a customer past twice their own gap between purchases is slipping: at risk', async () => {
    const ann = await person('Ann');
    app.purchases(ann.id, ['2026-07-30', '2026-09-09']);
    expect(await stageOf(ann.id)).toBe('at_risk | Slipping: no purchase in 84 days, twice their usual gap');
  });

  it('a customer with no purchase in the last 365 days is at risk', async () => {
    const ann = await person('Ann');
    app.purchases(ann.id, ['2025-10-01']);
    expect(await stageOf(ann.id)).toBe('at_risk | Slipping: no purchase in 427 days');
  });

  it('a customer otherwise is movable', async () => {
    const ann = await person('Ann');
    app.purchases(ann.id, ['2026-05-01', '2026-08-01', '2026-11-01']);
    expect(await stageOf(ann.id)).toBe('movable | buying: last purchase 31 days ago');
  });

  it('refunds and deleted purchases are not purchases', async () => {
    const ann = await person('Ann');
    app.purchase(ann.id, '2026-11-20', 5_000, { kind: 'refund' });
    app.purchase(ann.id, '2026-11-21', 5_000, { deleted: true });
    expect((await app.standing(ann.id)).stage).toBeNull();
  });
});

describe('the order of the rules', () => {
  it('a low score wins over everything the purchases say', async () => {
    const ann = await person('Ann');
    app.purchases(ann.id, ['2026-05-01', '2026-08-01', '2026-11-01']);
    await score(ann.id, 3, '2026-11-05');
    expect((await app.standing(ann.id)).stage).toBe('detractor');
  });

  it('a recent complaint wins over a 10', async () => {
    const ann = await person('Ann');
    app.purchases(ann.id, ['2026-11-01']);
    await score(ann.id, 10, '2026-11-05');
    await log(ann.id, 'complaint', '2026-11-25');
    expect(await stageOf(ann.id)).toBe('detractor | complained on 2026-11-25');
  });

  it('the latest score counts: a 10 after a 3 is an ambassador', async () => {
    const ann = await person('Ann');
    app.purchases(ann.id, ['2026-11-01']);
    await score(ann.id, 3, '2026-10-05');
    await score(ann.id, 10, '2026-11-05');
    expect((await app.standing(ann.id)).stage).toBe('ambassador');
  });

  it('an ambassador who is new is an ambassador, not at risk', async () => {
    const ann = await person('Ann');
    app.purchases(ann.id, ['2026-11-20']);
    await score(ann.id, 9, '2026-11-25');
    expect((await app.standing(ann.id)).stage).toBe('ambassador');
  });
});

describe('thresholds from settings', () => {
  it('moves the lines the rules draw', async () => {
    const ann = await person('Ann');
    const bob = await person('Bob');
    await score(ann.id, 4, '2026-11-02');
    app.purchases(bob.id, ['2026-11-20']);
    const settings = await app.call<{ loyalty: object }>('settings.get');
    await app.call('settings.update', { loyalty: { ...settings.loyalty, detractorMaxScore: 3, newCustomerDays: 10, activeDays: 30 } });
    expect((await app.standing(ann.id)).stage).toBeNull();
    expect(await stageOf(bob.id)).toBe('movable | buying: last purchase 12 days ago');
  });
});

describe('overrides', () => {
  it('sets a stage by hand with why, and gives the contact back to the rules', async () => {
    const ann = await person('Ann');
    app.purchases(ann.id, ['2026-11-20']);
    await app.recompute();
    const set = await app.call<LoyaltyStanding>('loyalty.override', { contactId: ann.id, stage: 'ambassador', reason: 'Sends us half the street' });
    expect(set).toMatchObject({ stage: 'ambassador', reason: 'set by hand: Sends us half the street', source: 'override', ruleStage: 'at_risk' });
    expect(app.valueOf(ann.id)?.stage).toBe('ambassador');
    await app.recompute();
    expect(app.valueOf(ann.id)).toMatchObject({ stage: 'ambassador', stage_source: 'override' });

    const back = await app.call<LoyaltyStanding>('loyalty.override', { contactId: ann.id, stage: null });
    expect(back).toMatchObject({ stage: 'at_risk', source: 'rules', override: null });
    expect(app.moves(ann.id).map((move) => `${move.from_stage}→${move.to_stage} ${move.source}`)).toEqual([
      'null→at_risk rules',
      'at_risk→ambassador override',
      'ambassador→at_risk override',
    ]);
    expect(back.moves.map((move) => move.to)).toEqual(['at_risk', 'ambassador', 'at_risk']);
  });

  it('asks why', async () => {
    const ann = await person('Ann');
    const result = await app.core.dispatch('loyalty.override', { contactId: ann.id, stage: 'detractor', reason: '' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/Reason: Say why/);
  });
});

describe('the movement history', () => {
  it('records a move only when the stage changes between recomputes', async () => {
    const ann = await person('Ann');
    app.purchases(ann.id, ['2026-11-20']);
    await app.recompute();
    await app.recompute();
    expect(app.moves(ann.id)).toEqual([{ from_stage: null, to_stage: 'at_risk', source: 'rules', reason: 'New customer: first purchase 12 days ago', moved_on: '2026-12-02' }]);
    app.clock.set(at('2027-03-15'));
    await app.recompute();
    await app.recompute();
    expect(app.moves(ann.id).map((move) => `${move.moved_on} ${move.from_stage}→${move.to_stage}`)).toEqual(['2026-12-02 null→at_risk', '2027-03-15 at_risk→movable']);
    const events = app.events.filter((event) => event.name === 'loyalty.changed' && event.payload.reason === 'moved');
    expect(events.map((event) => event.payload)).toEqual([
      { contactIds: [ann.id], reason: 'moved', stages: ['at_risk'] },
      { contactIds: [ann.id], reason: 'moved', stages: ['movable'] },
    ]);
  });
});

describe('what the ladder suggests', () => {
  it('suggests Complaint recovery to a detractor, unless it is running for them', async () => {
    const ann = await person('Ann');
    await score(ann.id, 2, '2026-11-30');
    const standing = await app.standing(ann.id);
    const plan = (await app.call<Plan[]>('plans.list')).find((each) => each.builtIn === 'complaint_recovery')!;
    expect(standing.suggestedPlan).toEqual({ planId: plan.id, name: 'Complaint recovery' });
    await app.call('plans.start', { planId: plan.id, contactId: ann.id });
    expect((await app.standing(ann.id)).suggestedPlan).toBeNull();
  });

  it('calls a top customer the rules move down to at risk, once', async () => {
    const contacts: Contact[] = [];
    for (const name of ['Ann', 'Bob', 'Cid', 'Dee', 'Eve']) contacts.push(await person(name));
    const [ann, ...others] = contacts as [Contact, ...Contact[]];
    // Ann spends the most; on 5 November she is buying to her rhythm, by 2 December she has let twice her usual gap go by.
    app.purchases(ann.id, ['2026-07-30', '2026-09-09'], 100_000);
    for (const other of others) app.purchases(other.id, ['2026-05-01', '2026-08-01', '2026-11-01'], 1_000);
    app.clock.set(at('2026-11-05'));
    await app.recompute();
    expect(app.valueOf(ann.id)).toMatchObject({ tier: 'top', stage: 'movable' });
    expect(await app.call<Followup[]>('followups.list', { contactId: ann.id })).toEqual([]);
    app.clock.set(at('2026-12-02'));
    await app.recompute();
    expect(app.valueOf(ann.id)).toMatchObject({ tier: 'top', stage: 'at_risk' });
    await app.recompute();
    const calls = await app.call<Followup[]>('followups.list', { contactId: ann.id });
    expect(calls.map((call) => [call.kind, call.title, call.dueDate, call.prompt])).toEqual([
      ['call', 'Call Ann', '2026-12-02', 'Slipping: no purchase in 84 days, twice their usual gap'],
    ]);
    for (const other of others) expect(await app.call<Followup[]>('followups.list', { contactId: other.id })).toEqual([]);
  });
});

describe('scores', () => {
  it('are listed newest first', async () => {
    const ann = await person('Ann');
    await score(ann.id, 7, '2026-10-01');
    await score(ann.id, 8, '2026-11-01');
    const standing = await app.standing(ann.id);
    expect(standing.scores.map((each) => each.score)).toEqual([8, 7]);
    expect(standing.latestScore?.scoredOn).toBe('2026-11-01');
  });

  it('refuse a score out of range, a date after today and a contact in the Trash, in words', async () => {
    const ann = await person('Ann');
    const refused = async (input: object) => {
      const result = await app.core.dispatch('loyalty.recordScore', { contactId: ann.id, scoredOn: '2026-11-01', score: 5, ...input });
      if (result.ok) throw new Error('expected a refusal');
      return `${result.error.code}: ${result.error.message}`;
    };
    expect(await refused({ score: 11 })).toMatch(/^VALIDATION: .*Likelihood to recommend: The likelihood to recommend runs from 0 to 10/);
    expect(await refused({ score: 7.5 })).toMatch(/Likelihood to recommend/);
    expect(await refused({ scoredOn: '2026-12-03' })).toBe('VALIDATION: Date: The likelihood to recommend cannot be dated after today (2026-12-02).');
    expect(await refused({ scoredOn: '02/11/2026' })).toMatch(/Date: Enter the date as YYYY-MM-DD/);
    await app.call('contacts.delete', { id: ann.id });
    expect(await refused({})).toMatch(/^NOT_FOUND: That contact is not in the address book/);
  });
});
