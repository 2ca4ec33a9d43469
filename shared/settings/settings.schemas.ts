import { z } from 'zod';
import { InteractionKind } from '../history/history.schemas.ts';

const Minutes = z.number().int({ error: 'Minutes must be a whole number.' }).min(0, { error: 'Minutes cannot be negative.' }).max(24 * 60, { error: 'At most 1,440 minutes.' });
const Hour = z.number().int().min(0, { error: 'Hours run from 0 to 23.' }).max(23, { error: 'Hours run from 0 to 23.' });

/** The business's own figures and habits. */
export const Settings = z.object({
  /** ISO 4217, e.g. USD; all money is integer minor units of it. */
  currency: z.string().regex(/^[A-Z]{3}$/, { error: 'Enter a currency code like USD or EUR.' }),
  /** What an hour of the user's time costs, in cents: turns minutes into cost to serve. */
  hourlyCostCents: z.number().int({ error: 'Enter the hourly cost in whole cents.' }).min(0, { error: 'The hourly cost cannot be negative.' }).max(100_000_00, { error: 'That hourly cost is too large.' }),
  /** Minutes an interaction of each kind takes when the user does not say. */
  minutesByKind: z.record(InteractionKind, Minutes),
  /** The hour each preferred time of day starts (follow-up times, plans). */
  hours: z.object({ morning: Hour, afternoon: Hour, evening: Hour }),
  /** At most this many follow-ups started by triggers per contact in any 30 days; what goes over is held back and listed. */
  automaticTouchesPer30Days: z
    .number()
    .int({ error: 'Enter a whole number of touches.' })
    .min(0, { error: 'Enter 0 or more touches.' })
    .max(50, { error: 'At most 50 touches in 30 days.' }),
  /** What keeping one customer costs a year (accounts, mailings, software), in cents: spread pro rata over the P&L's period. */
  adminCostPerCustomerPerYearCents: z.number().int({ error: 'Enter the yearly cost in whole cents.' }).min(0, { error: 'The yearly cost cannot be negative.' }).max(100_000_000, { error: 'That yearly cost is too large.' }),
  /** A customer whose profit for the period is below this many cents is "unprofitable" (0: any loss; negative: a loss you accept). */
  unprofitableBelowCents: z.number().int({ error: 'Enter the threshold in whole cents.' }).min(-100_000_000, { error: 'That threshold is too low.' }).max(100_000_000, { error: 'That threshold is too high.' }),
  /** Yearly rate future purchases are discounted at in the predicted lifetime value, e.g. 0.10. */
  clvAnnualDiscountRate: z.number({ error: 'Enter the discount rate as a number such as 0.10.' }).min(0, { error: 'The discount rate cannot be negative.' }).max(1, { error: 'Enter the rate as a fraction: 0.10 for 10%.' }),
  /** CLV tiers: the top share of customers by predicted value, then the next share; the rest after. */
  clvTiers: z
    .object({
      topPercent: z.number().int().min(1, { error: 'The top tier needs at least 1%.' }).max(98, { error: 'Leave room for the other tiers.' }),
      middlePercent: z.number().int().min(1, { error: 'The middle tier needs at least 1%.' }).max(98, { error: 'Leave room for the other tiers.' }),
    })
    .refine((tiers) => tiers.topPercent + tiers.middlePercent < 100, { error: 'The top and middle tiers together must leave some customers for the rest.' }),
  /** The loyalty ladder's rules: each threshold as the founding rules set it by default. */
  loyalty: z.object({
    /** A score at or below this (0–6) makes a detractor. */
    detractorMaxScore: z.number().int().min(0).max(10),
    /** A score at or above this (9–10) makes an ambassador, if still active. */
    ambassadorMinScore: z.number().int().min(0).max(10),
    /** A complaint within this many days makes a detractor. */
    complaintDays: z.number().int().min(0).max(3650),
    /** A referral within this many days makes an ambassador, if still active. */
    referralDays: z.number().int().min(0).max(3650),
    /** A first purchase within this many days: a new customer, at risk. */
    newCustomerDays: z.number().int().min(0).max(3650),
    /** P(alive) below this: slipping, at risk. */
    slippingBelowPAlive: z.number().min(0).max(1),
    /** Days since the last purchase above this many times the customer's own average gap: slipping, at risk. */
    slippingRhythmMultiple: z.number().min(1).max(20),
    /** Bought within this many days, and P(alive) (when modelled) not below the slipping line: still active. */
    activeDays: z.number().int().min(1).max(3650),
  }),
});
export type Settings = z.infer<typeof Settings>;

/** Any of the settings; minutes may be given for some kinds only, the rest stay as they are. */
export const UpdateSettings = Settings.extend({ minutesByKind: z.partialRecord(InteractionKind, Minutes) }).partial();
export type UpdateSettings = z.output<typeof UpdateSettings>;
