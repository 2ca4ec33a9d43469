import { z } from 'zod';

/** `YYYY-MM-DD` in the user's own calendar: never shifted by a time zone. */
export const LocalDate = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { error: 'Enter the date as YYYY-MM-DD.' })
  .refine((value) => {
    // A date in another format already has its message: say one thing about it, not two.
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return true;
    const [year, month, day] = value.split('-').map(Number) as [number, number, number];
    return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
  }, { error: 'That day does not exist in that month.' });
export type LocalDate = z.infer<typeof LocalDate>;

/** `HH:MM`, 24-hour, local time. */
export const LocalTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'Enter the time as HH:MM, e.g. 09:30.' });
export type LocalTime = z.infer<typeof LocalTime>;

/** An ISO-8601 instant with its offset (`2026-12-02T14:30:00.000Z`). */
export const Instant = z.iso.datetime({ offset: true, error: 'Enter a date and time like 2026-12-02T14:30.' });
