import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openValuesCore, type ValuesCore } from './insights-values-core.ts';

describe('the sample data on the ladder', () => {
  let app: ValuesCore;
  beforeEach(async () => {
    app = await openValuesCore();
  });
  afterEach(() => app.remove());

  it('gives sample people dated scores, a detractor among them, and a referral that names its referrer', async () => {
    await app.call('contacts.seedSample');
    const scores = app.raw.prepare('select contact_id, score, scored_on from nps_scores order by score desc').all() as Array<{ contact_id: string; score: number; scored_on: string }>;
    expect(scores.map((row) => row.score)).toEqual([10, 9, 7, 3]);
    expect(new Set(scores.map((row) => row.contact_id)).size).toBe(4);
    // The sample is dated from the machine's own clock, not the test's.
    expect(scores.every((row) => Date.parse(row.scored_on) < Date.now())).toBe(true);
    const detractor = await app.standing(scores[3]!.contact_id);
    expect(detractor.stage).toBe('detractor');
    expect(detractor.reason).toBe(`scored 3 on ${scores[3]!.scored_on}`);

    const referral = app.raw.prepare(`select contact_id, referred_by_id from interactions where kind = 'referral'`).get() as { contact_id: string; referred_by_id: string | null };
    expect(referral.referred_by_id).not.toBeNull();
    expect(referral.referred_by_id).not.toBe(referral.contact_id);
    expect(app.raw.prepare(`select kind from contacts where id = ? and deleted_at is null`).pluck().get(referral.referred_by_id)).toBe('person');
  });
});
