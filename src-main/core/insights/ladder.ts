import type { LoyaltyStage } from '../../../shared/insights/loyalty.schemas.ts';
import type { Settings } from '../../../shared/settings/settings.schemas.ts';
import { dayNumber } from './customer-values.ts';

// The loyalty ladder's rules, first match wins, each with its reason in words.
// Pure: the recompute applies them to every contact, loyalty.standing to one.

/** What the rules look at for one contact. */
export type LadderEvidence = {
  override: { stage: LoyaltyStage; reason: string } | null;
  latestScore: { score: number; scoredOn: string } | null;
  /** The local date of their latest complaint. */
  latestComplaintOn: string | null;
  /** The local date they last referred someone. */
  latestReferralOn: string | null;
  firstPurchaseOn: string | null;
  lastPurchaseOn: string | null;
  /** Distinct days with a sale or closing. */
  purchaseDays: number;
  pAlive: number | null;
};

export type LadderVerdict = {
  stage: LoyaltyStage | null;
  reason: string;
  source: 'rules' | 'override';
  /** What the rules alone say. */
  ruleStage: LoyaltyStage | null;
  ruleReason: string;
};

const days = (count: number) => `${count} day${count === 1 ? '' : 's'}`;

function timesWords(ratio: number): string {
  if (Math.abs(ratio - 2) < 0.05) return 'twice';
  if (Math.abs(ratio - 3) < 0.05) return 'three times';
  return `${ratio.toFixed(1)} times`;
}

/** Why a customer is slipping, or null when they are not. */
function slipping(evidence: LadderEvidence, rules: Settings['loyalty'], sinceLast: number): string | null {
  if (evidence.pAlive !== null && evidence.pAlive < rules.slippingBelowPAlive) {
    return `Slipping: P(alive) ${evidence.pAlive.toFixed(2)}, below ${rules.slippingBelowPAlive}`;
  }
  if (evidence.purchaseDays >= 2) {
    const usualGap = (dayNumber(evidence.lastPurchaseOn!) - dayNumber(evidence.firstPurchaseOn!)) / (evidence.purchaseDays - 1);
    if (sinceLast > rules.slippingRhythmMultiple * usualGap) {
      return `Slipping: no purchase in ${days(sinceLast)}, ${timesWords(sinceLast / usualGap)} their usual gap`;
    }
  }
  if (sinceLast > rules.activeDays) return `Slipping: no purchase in ${days(sinceLast)}`;
  return null;
}

/** The rules' stage for one contact as of `today`. */
export function ruleStage(evidence: LadderEvidence, rules: Settings['loyalty'], today: string): { stage: LoyaltyStage | null; reason: string } {
  const todayNumber = dayNumber(today);
  const ago = (date: string) => todayNumber - dayNumber(date);
  const score = evidence.latestScore;
  if (score && score.score <= rules.detractorMaxScore) return { stage: 'detractor', reason: `scored ${score.score} on ${score.scoredOn}` };
  if (evidence.latestComplaintOn !== null && ago(evidence.latestComplaintOn) <= rules.complaintDays) {
    return { stage: 'detractor', reason: `complained on ${evidence.latestComplaintOn}` };
  }
  const customer = evidence.lastPurchaseOn !== null && evidence.firstPurchaseOn !== null;
  const sinceLast = customer ? ago(evidence.lastPurchaseOn!) : Infinity;
  // Still active: bought lately, and the model (when there is one) does not see them slipping away.
  const active = customer && sinceLast <= rules.activeDays && (evidence.pAlive === null || evidence.pAlive >= rules.slippingBelowPAlive);
  if (active) {
    const still = `still buying (last purchase ${days(sinceLast)} ago)`;
    if (score && score.score >= rules.ambassadorMinScore) return { stage: 'ambassador', reason: `scored ${score.score} on ${score.scoredOn}, ${still}` };
    if (evidence.latestReferralOn !== null && ago(evidence.latestReferralOn) <= rules.referralDays) {
      return { stage: 'ambassador', reason: `referred someone on ${evidence.latestReferralOn}, ${still}` };
    }
  }
  if (!customer) return { stage: null, reason: 'no purchases yet' };
  const sinceFirst = ago(evidence.firstPurchaseOn!);
  if (sinceFirst <= rules.newCustomerDays) return { stage: 'at_risk', reason: `New customer: first purchase ${days(sinceFirst)} ago` };
  const slip = slipping(evidence, rules, sinceLast);
  if (slip !== null) return { stage: 'at_risk', reason: slip };
  return { stage: 'movable', reason: `buying: last purchase ${days(sinceLast)} ago` };
}

/** The stage shown: the override when there is one, else the rules'. */
export function ladderVerdict(evidence: LadderEvidence, rules: Settings['loyalty'], today: string): LadderVerdict {
  const byRules = ruleStage(evidence, rules, today);
  if (evidence.override) {
    return { stage: evidence.override.stage, reason: `set by hand: ${evidence.override.reason}`, source: 'override', ruleStage: byRules.stage, ruleReason: byRules.reason };
  }
  return { stage: byRules.stage, reason: byRules.reason, source: 'rules', ruleStage: byRules.stage, ruleReason: byRules.reason };
}
