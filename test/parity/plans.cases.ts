import { expect } from 'vitest';
import type { Followup } from '../../shared/followups/followups.schemas.ts';
import type { HeldBackTouch, Plan, PlanPreview, PlanRun } from '../../shared/plans/plans.schemas.ts';
import { create, fieldPaths } from './checks.ts';
import type { Kept, ParityCase } from './parity-case.ts';

// Dates far from today (2001, 2099), so no case depends on the day it runs.
const planNamed = (name: string) => (plans: Plan[]) => plans.find((plan) => plan.name === name)!;
const start = (plan: string, contact: string, more: object = {}) => (kept: Kept) => ({ planId: kept[plan].id, contactId: kept[contact].id, ...more });

/** Follow-up plans: the built-ins, starting and cancelling, the user's own, and a trigger. */
export const plansCases: ParityCase[] = [
  {
    name: 'previews and starts Home closing, shows the run and cancels it: the open follow-ups go',
    steps: [
      create({ firstName: 'Ada', lastName: 'Lovelace', preferredTime: 'morning' }, 'ada'),
      {
        call: 'plans.list',
        check: (plans: Plan[], kept) => {
          expect(plans.map((plan) => plan.name)).toEqual(['Complaint recovery', 'Home closing', 'New customer welcome', 'Rate inquiry']);
          kept.closing = planNamed('Home closing')(plans);
        },
      },
      {
        call: 'plans.preview',
        input: start('closing', 'ada', { anchorDate: '2099-06-01' }),
        check: (preview: PlanPreview) => {
          expect(preview.steps.map((step) => [step.kind, step.dueDate, step.dueTime])).toEqual([
            ['gift', '2099-06-03', '09:00'],
            ['handwritten_note', '2099-06-03', '09:00'],
            ['call', '2099-06-15', '09:00'],
            ['card', '2099-12-01', '09:00'],
            ['card', '2100-06-01', '09:00'],
          ]);
          expect(preview.steps[1]!.prompt).toMatch(/^Dear Ada,/);
        },
      },
      { call: 'plans.start', input: start('closing', 'ada', { anchorDate: '2099-06-01' }), keep: 'run', check: (run: PlanRun) => expect(run).toMatchObject({ status: 'running', done: 0, total: 5 }) },
      { call: 'plans.runs', input: (kept) => ({ contactId: kept.ada.id }), check: (runs: PlanRun[], kept) => expect(runs.map((run) => run.id)).toEqual([kept.run.id]) },
      { call: 'plans.cancel', input: (kept) => ({ runId: kept.run.id }), check: (run: PlanRun) => expect(run.steps.map((step) => step.state)).toEqual(Array(5).fill('cancelled')) },
      { call: 'followups.list', input: (kept) => ({ contactId: kept.ada.id }), answer: { ok: true, value: [] } },
    ],
  },
  {
    name: 'saves, duplicates and switches off a plan of the user’s own; refuses an unknown placeholder and a switched-off start, naming the field',
    steps: [
      create({ firstName: 'Tom' }, 'tom'),
      {
        call: 'plans.create',
        input: { name: 'Referral thanks', steps: [{ offset: { amount: 1, unit: 'days' }, kind: 'handwritten_note', title: 'Thank {firstName}' }] },
        keep: 'mine',
        check: (plan: Plan) => expect(plan).toMatchObject({ builtIn: null, enabled: true, running: 0 }),
      },
      { call: 'plans.duplicate', input: (kept) => ({ id: kept.mine.id }), check: (copy: Plan) => expect(copy.name).toBe('Copy of Referral thanks') },
      { call: 'plans.setEnabled', input: (kept) => ({ id: kept.mine.id, enabled: false }), check: (plan: Plan) => expect(plan.enabled).toBe(false) },
      { call: 'plans.start', input: start('mine', 'tom'), refusal: fieldPaths('planId') },
      {
        call: 'plans.create',
        input: { name: 'Typo', steps: [{ offset: { amount: 0, unit: 'days' }, kind: 'call', title: 'Call {fristName}' }] },
        refusal: (error) => {
          fieldPaths('steps.0.title')(error);
          expect(error.message).toMatch(/Step 1's title uses \{fristName\}/);
        },
      },
      { call: 'plans.start', input: start('mine', 'tom', { anchorDate: '2099-02-30' }), refusal: fieldPaths('anchorDate') },
    ],
  },
  {
    name: 'an inquiry about rates starts Rate inquiry: its call is planned the same day; nothing is held back',
    steps: [
      create({ firstName: 'Grace' }, 'grace'),
      { call: 'history.log', input: (kept) => ({ contactId: kept.grace.id, kind: 'inquiry', reasons: ['rates'], occurredAt: '2001-01-01T12:00:00.000Z' }) },
      {
        call: 'plans.runs',
        input: (kept) => ({ contactId: kept.grace.id }),
        check: (runs: PlanRun[]) => expect(runs.map((run) => [run.planName, run.anchorDate, run.startedBy])).toEqual([['Rate inquiry', '2001-01-01', 'inquiry with reason “rates”']]),
      },
      { call: 'followups.list', input: (kept) => ({ contactId: kept.grace.id }), check: (made: Followup[]) => expect(made.map((each) => [each.kind, each.dueDate])).toEqual([['call', '2001-01-01']]) },
      { call: 'plans.heldBack', check: (held: HeldBackTouch[]) => expect(held).toEqual([]) },
    ],
  },
];
