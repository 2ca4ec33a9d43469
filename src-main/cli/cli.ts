#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { defaultPort } from '../http/default-port.ts';

const usage = `Usage: ambassador <command> [options]

Commands:
  start [--data-dir DIR]                     open the desktop app (browser mode where Electron is unavailable)
  serve [--data-dir DIR] [--port N] [--open] run browser mode and print the address to open
  backup [--to DIR] [--data-dir DIR]         save a checked backup (into DIR, else the backups folder), even while Ambassador runs
  backup FILE [--force] [--data-dir DIR]     save a checked backup to FILE
  restore FILE [--data-dir DIR]              restore a backup; the data it replaces is kept as a safety backup
  import FILE [--dry-run] [--duplicates create|merge|skip] [--data-dir DIR]
                                             import contacts from a CSV or vCard file, every skipped row with its reason
                                             (a JSON export loads whole into an empty data folder)
  export --format csv|vcard|json --out FILE [--data-dir DIR]
                                             export your contacts (json: everything) to FILE
  calendar --out FILE [--contact ID] [--force] [--data-dir DIR]
                                             write your open follow-ups (or one contact's) to FILE as a calendar (.ics)
  clv <transactions file> [options]          customer lifetime value from a purchases file (clv --help)

The data folder is --data-dir, else AMBASSADOR_DATA_DIR, else the platform's app-data folder.
backup, restore, import, export and calendar exit 0 when done, 1 with one sentence when they could not
do it, 2 on a wrong command line; ambassador backup --help (or restore, import, export, calendar, clv) says more.
Browser mode uses port ${defaultPort} (a free one when that is taken) unless --port says otherwise.`;

class UsageError extends Error {}

const io = {
  stdout: (text: string) => process.stdout.write(text),
  stderr: (text: string) => process.stderr.write(text),
};

function parsePort(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port needs a number from 0 to 65535, not “${text}”.`);
  return port;
}

function parseServerArgs(args: string[]) {
  const { values } = parseArgs({
    args,
    options: { 'data-dir': { type: 'string' }, port: { type: 'string' }, open: { type: 'boolean', default: false } },
    strict: true,
    allowPositionals: false,
  });
  return { dataDir: values['data-dir'], port: parsePort(values.port), open: values.open };
}

// Each command is loaded when it is run: `serve` must print its address within a
// second, and loading every command's code first cost a third of that.
async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  switch (command) {
    case 'serve': {
      const { runBrowserMode } = await import('./browser-mode.ts');
      // The address alone on the first line, so scripts and tests can read it.
      return runBrowserMode(parseServerArgs(args), (url) => url);
    }
    case 'start':
      return (await import('./start.command.ts')).runStart(parseServerArgs(args));
    case 'backup':
      return (await import('./backup.command.ts')).runBackupCommand(args, io);
    case 'restore':
      return (await import('./backup.command.ts')).runRestoreCommand(args, io);
    case 'import':
      return (await import('./transfer.command.ts')).runImportCommand(args, io);
    case 'export':
      return (await import('./transfer.command.ts')).runExportCommand(args, io);
    case 'calendar':
      return (await import('./calendar.command.ts')).runCalendarCommand(args, io);
    case 'clv':
      return (await import('./clv.command.ts')).runClvCommand(args, io);
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      console.log(usage);
      return command === undefined ? 2 : 0;
    default:
      throw new UsageError(`Unknown command “${command}”. Run ambassador --help to see the commands.`);
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    const isUsage = error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    console.error(isUsage ? (error as Error).message : `Ambassador could not start: ${(error as Error).message}`);
    process.exit(isUsage ? 2 : 1);
  },
);
