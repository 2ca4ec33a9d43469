import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CommandIo } from './clv.command.ts';
import { call, CommandFailure, count, requireDatabase, runDataCommand, UsageError, withCore, type DataCommand } from './core-command.ts';

export const calendarUsage = `Usage: ambassador calendar --out FILE [--contact ID] [--force] [--data-dir DIR]

Writes your open follow-ups to FILE as a calendar (.ics) to import into any
calendar app: one event each, all-day or at its time, with a reminder.
Importing a newer file updates the events instead of adding them twice.
--contact ID writes that contact's only. --force replaces FILE if it exists.`;

const calendarCommand: DataCommand = {
  usage: calendarUsage,
  options: { out: { type: 'string' }, contact: { type: 'string' }, force: { type: 'boolean', default: false } },
  run: async ({ values, positionals, dataDir }, io) => {
    if (positionals.length > 0) throw new UsageError(`Say where to write with --out FILE, not “${positionals[0]}”.`);
    if (typeof values.out !== 'string' || values.out === '') throw new UsageError('Say which file to write with --out FILE.');
    if (values.contact === '') throw new UsageError('Say which contact with --contact ID.');
    const to = resolve(values.out);
    if (existsSync(to) && !values.force) throw new CommandFailure(`${to} already exists. Choose another name, or add --force to replace it.`);
    requireDatabase(dataDir, 'export a calendar from');
    const contactId = typeof values.contact === 'string' ? values.contact : undefined;
    const written = await withCore(dataDir, (core) => call(core, 'followups.exportCalendar', { to, ...(contactId === undefined ? {} : { contactId }) }));
    io.stdout(`Wrote ${count(written.events, 'follow-up', 'follow-ups')} to ${written.path}.\n`);
  },
};

/** `ambassador calendar --out FILE [--contact ID]`: the core writes the open follow-ups as an .ics file. */
export function runCalendarCommand(args: string[], io: CommandIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  return runDataCommand(calendarCommand, args, io, env);
}
