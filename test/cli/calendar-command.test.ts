import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { calendarUsage, runCalendarCommand } from '../../src-main/cli/calendar.command.ts';
import { createCore } from '../../src-main/core/core.ts';
import { readCalendar } from '../core/ics-reading.ts';
import { makeTempDataDir } from '../helpers/temp-data-dir.ts';

async function run(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCalendarCommand(args, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) }, {});
  return { code, stdout, stderr };
}

describe('ambassador calendar', () => {
  const cleanups: Array<() => void> = [];
  afterEach(() => {
    for (const cleanup of cleanups.splice(0)) cleanup();
  });
  const tempDir = () => {
    const made = makeTempDataDir();
    cleanups.push(made.remove);
    return made.dir;
  };

  /** A data folder where Ada has two open follow-ups and Grace one. */
  async function setUp() {
    const dataDir = tempDir();
    const core = await createCore({ dataDir });
    const call = async <T>(method: string, input: unknown) => {
      const result = await core.dispatch(method, input);
      if (!result.ok) throw new Error(result.error.message);
      return result.value as T;
    };
    try {
      const ada = await call<{ id: string }>('contacts.create', { firstName: 'Ada' });
      const grace = await call<{ id: string }>('contacts.create', { firstName: 'Grace' });
      const ids: string[] = [];
      for (const [contactId, title] of [[ada.id, 'Call Ada'], [ada.id, 'Card for Ada'], [grace.id, 'Call Grace']] as const) {
        ids.push((await call<{ id: string }>('followups.create', { contactId, kind: 'call', title, dueDate: '2026-12-05' })).id);
      }
      return { dataDir, ada, ids };
    } finally {
      await core.close();
    }
  }

  it('writes every open follow-up to FILE as an .ics file, or one contact’s with --contact; exit 0', async () => {
    const { dataDir, ada, ids } = await setUp();
    const out = join(tempDir(), 'follow-ups.ics');
    expect(await run(['--out', out, '--data-dir', dataDir])).toEqual({ code: 0, stdout: `Wrote 3 follow-ups to ${out}.\n`, stderr: '' });
    expect(readCalendar(readFileSync(out, 'utf8')).map((event) => event.uid).sort()).toEqual(ids.map((id) => `${id}@ambassador.local`).sort());

    const adas = join(tempDir(), 'ada.ics');
    expect(await run(['--out', adas, '--contact', ada.id, '--data-dir', dataDir])).toMatchObject({ code: 0, stdout: `Wrote 2 follow-ups to ${adas}.\n` });
    expect(readCalendar(readFileSync(adas, 'utf8')).map((event) => event.summary).sort()).toEqual(['Call: Call Ada — Ada', 'Call: Card for Ada — Ada']);
  });

  it('refuses to replace a file unless --force is given', async () => {
    const { dataDir } = await setUp();
    const out = join(tempDir(), 'follow-ups.ics');
    writeFileSync(out, 'keep me');
    expect(await run(['--out', out, '--data-dir', dataDir])).toEqual({
      code: 1,
      stdout: '',
      stderr: `${out} already exists. Choose another name, or add --force to replace it.\n`,
    });
    expect(readFileSync(out, 'utf8')).toBe('keep me');
    expect((await run(['--out', out, '--force', '--data-dir', dataDir])).code).toBe(0);
    expect(readCalendar(readFileSync(out, 'utf8'))).toHaveLength(3);
  });

  it('says in one sentence, exit 1, what it could not do: no database, an unknown contact', async () => {
    const empty = tempDir();
    const out = join(tempDir(), 'follow-ups.ics');
    expect(await run(['--out', out, '--data-dir', empty])).toEqual({ code: 1, stdout: '', stderr: `There is no Ambassador database in ${empty} to export a calendar from.\n` });

    const { dataDir } = await setUp();
    const unknown = await run(['--out', out, '--contact', '00000000-0000-4000-8000-000000000000', '--data-dir', dataDir]);
    expect(unknown).toEqual({ code: 1, stdout: '', stderr: 'That contact no longer exists. It may have been deleted for good.\n' });
    const notAnId = await run(['--out', out, '--contact', 'Ada', '--data-dir', dataDir]);
    expect(notAnId.code).toBe(1);
    expect(notAnId.stderr).toMatch(/^[^\n]*That is not a contact id\.[^\n]*\n$/);
  });

  it('answers a wrong command line with the sentence and the usage, exit 2', async () => {
    for (const [args, sentence] of [
      [[], 'Say which file to write with --out FILE.'],
      [['calendar.ics'], 'Say where to write with --out FILE, not “calendar.ics”.'],
      [['--out', 'a.ics', '--contact', ''], 'Say which contact with --contact ID.'],
      [['--out', 'a.ics', '--al'], "Unknown option '--al'"],
    ] as const) {
      const result = await run([...args]);
      expect(result.code).toBe(2);
      expect(result.stderr.split('\n')[0]).toContain(sentence);
      expect(result.stderr).toContain(calendarUsage);
    }
    expect(await run(['--help'])).toEqual({ code: 0, stdout: `${calendarUsage}\n`, stderr: '' });
  });

  it('is a command of npx ambassador', async () => {
    const { dataDir } = await setUp();
    const out = join(tempDir(), 'follow-ups.ics');
    const cli = spawnSync(process.execPath, ['src-main/cli/cli.ts', 'calendar', '--out', out, '--data-dir', dataDir], { encoding: 'utf8' });
    expect({ status: cli.status, stdout: cli.stdout, stderr: cli.stderr }).toEqual({ status: 0, stdout: `Wrote 3 follow-ups to ${out}.\n`, stderr: '' });
    const help = spawnSync(process.execPath, ['src-main/cli/cli.ts', '--help'], { encoding: 'utf8' });
    expect(help.stdout).toContain('calendar --out FILE [--contact ID] [--force] [--data-dir DIR]');
  });
});
