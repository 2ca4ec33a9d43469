import { AppError } from '../../../shared/api/errors.ts';
import type { LoyaltyStanding, OverrideStage, RecordScore, Score } from '../../../shared/insights/loyalty.schemas.ts';
import type { CoreContext } from '../context.ts';
import type { Db } from '../db/handle.ts';

// PLACEHOLDERS until the values-and-ladder helper lands them: replaced, never shipped.
const notYet = (): never => {
  throw new AppError('INTERNAL', 'Not built yet.');
};
export async function standing(_ctx: CoreContext, _contactId: string): Promise<LoyaltyStanding> {
  return notYet();
}
export async function recordScore(_ctx: CoreContext, _input: RecordScore): Promise<Score> {
  return notYet();
}
export async function overrideStage(_ctx: CoreContext, _input: OverrideStage): Promise<LoyaltyStanding> {
  return notYet();
}
/** Likelihood-to-recommend scores for the sample people, inside the sample's own transaction. */
export async function seedSampleScoresIn(_db: Db, _now: string, _personIds: string[]): Promise<string[]> {
  return [];
}
