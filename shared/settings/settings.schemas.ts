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
  automaticTouchesPer30Days: z.number().int().min(0).max(50),
});
export type Settings = z.infer<typeof Settings>;

/** Any of the settings; minutes may be given for some kinds only, the rest stay as they are. */
export const UpdateSettings = Settings.extend({ minutesByKind: z.partialRecord(InteractionKind, Minutes) }).partial();
export type UpdateSettings = z.output<typeof UpdateSettings>;
