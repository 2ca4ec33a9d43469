import { expect } from 'vitest';
import type { CustomerInsight } from '../../shared/insights/insights.schemas.ts';
import type { LoyaltyStanding, Score } from '../../shared/insights/loyalty.schemas.ts';
import { create, fieldPaths } from './checks.ts';
import type { Kept, ParityCase } from './parity-case.ts';

// Dates long past or relative to nothing the day changes: the P&L's all-time lines and a
// score's stage do not depend on the day the case runs.
const of = (name: string, more: object = {}) => (kept: Kept) => ({ contactId: kept[name].id, ...more });

/** A customer's P&L, a likelihood-to-recommend score and the stage it gives, and a stage set by hand. */
export const insightsCases: ParityCase[] = [
  {
    name: 'a sale’s lines in the all-time P&L; a score of 3 makes a detractor; an 11 is refused naming the field; a stage set by hand, with why',
    steps: [
      create({ firstName: 'Ada', lastName: 'Lovelace' }, 'ada'),
      {
        call: 'purchases.create',
        input: (kept) => ({ contactId: kept.ada.id, fields: { occurredOn: '2001-03-04', grossCents: 120_000, discountCents: 10_000, productCostCents: 50_000, channel: 'online', channelCostCents: 1_500 } }),
      },
      {
        call: 'insights.customer',
        input: of('ada', { period: 'all_time' }),
        check: (insight: CustomerInsight) =>
          expect(insight.profit).toMatchObject({ period: 'all_time', from: '2001-03-04', revenueCents: 120_000, allowancesCents: 10_000, productCostCents: 50_000, channelCostCents: 1_500, costToServeCents: 0 }),
      },
      { call: 'loyalty.recordScore', input: of('ada', { score: 3, scoredOn: '2001-03-05' }), check: (score: Score) => expect(score.score).toBe(3) },
      { call: 'loyalty.standing', input: of('ada'), check: (standing: LoyaltyStanding) => expect(standing).toMatchObject({ stage: 'detractor', reason: 'scored 3 on 2001-03-05', source: 'rules' }) },
      { call: 'loyalty.recordScore', input: of('ada', { score: 11, scoredOn: '2001-03-05' }), refusal: fieldPaths('score') },
      {
        call: 'loyalty.override',
        input: of('ada', { stage: 'movable', reason: 'Called and made it right' }),
        check: (standing: LoyaltyStanding) => expect(standing).toMatchObject({ stage: 'movable', source: 'override', ruleStage: 'detractor' }),
      },
      { call: 'loyalty.override', input: of('ada', { stage: 'ambassador' }), refusal: fieldPaths('reason') },
    ],
  },
];
