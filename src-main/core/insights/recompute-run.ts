import type { CoreEvent } from '../../../shared/api/events.ts';
import type { LoyaltyStage } from '../../../shared/insights/loyalty.schemas.ts';
import { nowOf, type CoreContext } from '../context.ts';
import type { Db } from '../db/handle.ts';
import { newId } from '../db/ids.ts';
import { mutate } from '../db/mutation.ts';
import { createFollowupsIn, localMoment } from '../followups/followups.service.ts';
import { readSettings } from '../settings/settings.service.ts';
import { computeCustomerValues, observedMargin, type CustomerFigures } from './customer-values.ts';
import { prepareFigures, refreshFigures } from './figures.service.ts';
import type { CustomerValueTable, LoyaltyMoveTable } from './insights.table.ts';
import { gatherLadderEvidence } from './ladder-evidence.ts';
import { ruleStage } from './ladder.ts';
import { findOverrides, findShownStages, insertMoves } from './loyalty.repository.ts';
import { findBuyingDays, findContactCuts, findFirstNames, findPurchaseSummaries, replaceCustomerValues, saveRun, type PurchaseSummaryRow } from './values.repository.ts';

// One recompute: values, tiers, the ladder and its moves, then the profit
// figures. The app runs it in a worker thread on its own connection
// (recompute-aside.ts); inline, the pauses between phases let calls be answered.
// Everything is written in one transaction at the end.

export type Progress = (phase: string, done: number, total: number) => void;

export type RecomputeOutcome = { computedAt: string; customers: number; durationMs: number; model: 'bgnbd' | 'simple' | 'none'; reason: string };

const PHASES = 4;
/** Contacts read or placed between pauses: a few tens to a few hundred milliseconds of work. */
const CHUNK = 10_000;
const pause = () => new Promise<void>((resolve) => setImmediate(resolve));

type Verdict = { contactId: string; stage: LoyaltyStage | null; reason: string };

/** Applies the overrides as they are inside the write, and finds who moved since the stage last shown. */
async function movesIn(tx: Db, verdicts: Verdict[], now: string, today: string) {
  const overrides = new Map((await findOverrides(tx)).map((row) => [row.contact_id, row]));
  const shown = await findShownStages(tx);
  const rows: Array<Verdict & { source: 'rules' | 'override' }> = [];
  const seen = new Set<string>();
  for (const verdict of verdicts) {
    seen.add(verdict.contactId);
    const override = overrides.get(verdict.contactId);
    rows.push(override ? { contactId: verdict.contactId, stage: override.stage, reason: `set by hand: ${override.reason}`, source: 'override' } : { ...verdict, source: 'rules' });
  }
  // Contacts once on the ladder with no evidence left now leave it.
  for (const [contactId, stage] of shown) {
    if (!seen.has(contactId) && stage !== null) rows.push({ contactId, stage: null, reason: 'no purchases or evidence any more', source: 'rules' });
  }
  const moves: LoyaltyMoveTable[] = [];
  for (const row of rows) {
    const from = shown.get(row.contactId) ?? null;
    if (from === row.stage) continue;
    moves.push({ id: newId(Date.parse(now)), contact_id: row.contactId, moved_at: now, moved_on: today, from_stage: from, to_stage: row.stage, source: row.source, reason: row.reason });
  }
  return { rows, moves };
}

export async function runRecompute(ctx: CoreContext, progress: Progress): Promise<RecomputeOutcome> {
  const started = performance.now();
  const today = localMoment(nowOf(ctx)).date;
  progress('Reading purchases', 0, PHASES);
  const settings = await readSettings(ctx.db);
  const summaries: PurchaseSummaryRow[] = [];
  const cuts = await findContactCuts(ctx.db, CHUNK);
  for (let run = 0; run <= cuts.length; run += 1) {
    for (const row of await findPurchaseSummaries(ctx.db, today, { from: cuts[run - 1] ?? null, to: cuts[run] ?? null })) summaries.push(row);
    await pause();
  }
  const margin = observedMargin(summaries);
  await pause();

  progress('Fitting the lifetime value model', 1, PHASES);
  const options = { annualDiscount: settings.clvAnnualDiscountRate, margin, tiers: settings.clvTiers };
  const valued = await computeCustomerValues(summaries, today, options, () => findBuyingDays(ctx.db, today));
  await pause();

  progress('Reading the loyalty ladder’s evidence', 2, PHASES);
  const evidence = await gatherLadderEvidence(ctx.db, valued.customers);
  await pause();

  progress('Placing customers on the ladder', 3, PHASES);
  const figuresOf = new Map<string, CustomerFigures>(valued.customers.map((figure) => [figure.contactId, figure]));
  const verdicts: Verdict[] = [];
  for (const [contactId, found] of evidence) {
    verdicts.push({ contactId, ...ruleStage(found, settings.loyalty, today) });
    if (verdicts.length % CHUNK === 0) await pause();
  }
  await pause();

  const now = new Date(nowOf(ctx)).toISOString();
  // The figures' passes over every purchase and interaction only read: made before the write, they keep it
  // short (the write drops their temp tables; a failed run leaves them to the next, which starts by dropping them).
  await prepareFigures(ctx.db, today);
  const result = await mutate(ctx, {
    run: async (tx) => {
      const { rows, moves } = await movesIn(tx, verdicts, now, today);
      const values: Array<Omit<CustomerValueTable, 'computed_at'>> = rows
        .filter((row) => evidence.has(row.contactId))
        .map((row) => {
          const figure = figuresOf.get(row.contactId);
          return {
            contact_id: row.contactId,
            first_purchase_on: figure?.firstPurchaseOn ?? null,
            last_purchase_on: figure?.lastPurchaseOn ?? null,
            purchases: figure?.purchases ?? 0,
            historical_cents: figure?.historicalCents ?? 0,
            expected_purchases: figure?.expectedPurchases ?? null,
            expected_spend_cents: figure?.expectedSpendCents ?? null,
            p_alive: figure?.pAlive ?? null,
            predicted_clv_cents: figure?.predictedClvCents ?? 0,
            tier: figure?.tier ?? null,
            stage: row.stage,
            stage_reason: row.reason,
            stage_source: row.stage === null ? null : row.source,
          };
        });
      await replaceCustomerValues(tx, now, values);
      await insertMoves(tx, moves);
      // A top customer the rules move down to at risk: a call today, once per move. Not on a
      // first placement (from no stage): an import of a year's purchases would ask for thousands at once.
      const calls = moves.filter(
        (move) => move.from_stage !== null && move.to_stage === 'at_risk' && move.source === 'rules' && figuresOf.get(move.contact_id)?.tier === 'top',
      );
      const names = await findFirstNames(tx, calls.map((move) => move.contact_id));
      const followupIds: string[] = [];
      for (const move of calls) {
        const title = `Call ${names.get(move.contact_id) ?? 'them'}`;
        followupIds.push(...(await createFollowupsIn(tx, now, move.contact_id, [{ kind: 'call', title, dueDate: today, dueTime: null, prompt: move.reason, recurrence: null }])));
      }
      const customers = valued.customers.filter((figure) => figure.purchaseDays > 0).length;
      await refreshFigures(tx, today, settings, now, { prepared: true });
      // The whole run, the figures included: the status shows it and the next debounce scales with it.
      const durationMs = Math.round(performance.now() - started);
      await saveRun(tx, { computed_at: now, as_of: today, model: valued.model, model_reason: valued.reason, details: JSON.stringify(valued.details), customers, duration_ms: durationMs });
      return { moves, followupIds, calls, outcome: { computedAt: now, customers, durationMs, model: valued.model, reason: valued.reason } };
    },
    changed: ({ moves, followupIds, calls, outcome }) => {
      const events: CoreEvent[] = [{ name: 'insights.changed', payload: { computedAt: outcome.computedAt, customers: outcome.customers } }];
      if (moves.length > 0) {
        events.push({ name: 'loyalty.changed', payload: { contactIds: moves.map((move) => move.contact_id), reason: 'moved', stages: moves.map((move) => move.to_stage) } });
      }
      if (followupIds.length > 0) {
        events.push({ name: 'followups.changed', payload: { ids: followupIds, contactIds: calls.map((move) => move.contact_id), reason: 'created' } });
      }
      return events;
    },
  });
  progress('Done', PHASES, PHASES);
  return result.outcome;
}
