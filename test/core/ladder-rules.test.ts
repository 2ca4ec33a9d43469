import { describe, expect, it } from 'vitest';
import { ruleStage, type LadderEvidence } from '../../src-main/core/insights/ladder.ts';
import { defaultSettings } from '../../src-main/core/settings/settings.service.ts';

// "Still active", the condition on an ambassador, on the pure rules: bought within
// the active window AND, when the model has a P(alive), not slipping by it. A model
// that fits no dropout (P(alive) 1 for all) must not keep a lapsed customer up there.

const today = '2026-12-02';
const rules = defaultSettings.loyalty;
const evidence = (change: Partial<LadderEvidence>): LadderEvidence => ({
  override: null,
  latestScore: { score: 10, scoredOn: '2026-11-10' },
  latestComplaintOn: null,
  latestReferralOn: null,
  firstPurchaseOn: '2025-01-10',
  lastPurchaseOn: '2026-11-20',
  purchaseDays: 12,
  pAlive: 0.9,
  ...change,
});

describe('still active, for an ambassador', () => {
  it('a 10 from a customer who bought 12 days ago with P(alive) 0.9 is an ambassador', () => {
    expect(ruleStage(evidence({}), rules, today).stage).toBe('ambassador');
  });

  it('a 10 from a customer whose last purchase is over a year ago is not, even when the model says P(alive) 1', () => {
    expect(ruleStage(evidence({ lastPurchaseOn: '2025-10-10', pAlive: 1 }), rules, today)).toEqual({ stage: 'at_risk', reason: 'Slipping: no purchase in 418 days, 16.8 times their usual gap' });
  });

  it('a 10 from a recent buyer the model sees slipping (P(alive) below the line) is at risk', () => {
    expect(ruleStage(evidence({ pAlive: 0.2 }), rules, today)).toEqual({ stage: 'at_risk', reason: 'Slipping: P(alive) 0.20, below 0.5' });
  });

  it('without a model, buying within the window is enough', () => {
    expect(ruleStage(evidence({ pAlive: null }), rules, today).stage).toBe('ambassador');
  });
});
