import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CommandIo } from '../../src-main/cli/clv.command.ts';
import { dryRunLines, reportLines, runExportCommand, runImportCommand } from '../../src-main/cli/transfer.command.ts';
import { createCore } from '../../src-main/core/core.ts';
import type { ImportPreview, ImportReport } from '../../shared/transfer/transfer.schemas.ts';
import { makeTempDataDir } from '../helpers/temp-data-dir.ts';

async function run(command: (args: string[], io: CommandIo, env: NodeJS.ProcessEnv) => Promise<number>, args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await command(args, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) }, {});
  return { code, stdout, stderr };
}

// Line 1 names the columns; line 2 is new, line 3 has Grace's email (already there), line 4 has nothing to save.
const outlookCsv = 'First Name,Last Name,E-mail Address\r\nAda,Lovelace,ada@example.com\r\nGrace,Hopper,GRACE@example.com\r\n,,\r\n';

describe('ambassador import and export', () => {
  const cleanups: Array<() => unknown> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  const tempDir = () => {
    const made = makeTempDataDir();
    cleanups.push(made.remove);
    return made.dir;
  };

  async function withData<T>(dataDir: string, work: (dispatch: (method: string, input: unknown) => Promise<unknown>) => Promise<T>): Promise<T> {
    const core = await createCore({ dataDir });
    try {
      return await work(async (method, input) => {
        const result = await core.dispatch(method, input);
        if (!result.ok) throw new Error(result.error.message);
        return result.value;
      });
    } finally {
      await core.close();
    }
  }
  const contactCount = (dataDir: string) => withData(dataDir, async (dispatch) => ((await dispatch('contacts.count', {})) as { contacts: number }).contacts);

  /** A data folder that already holds Grace Hopper, grace@example.com, and a CSV file to import. */
  async function setUp() {
    const dataDir = tempDir();
    await withData(dataDir, (dispatch) => dispatch('contacts.create', { firstName: 'Grace', lastName: 'Hopper', emails: [{ value: 'grace@example.com' }] }));
    const file = join(tempDir(), 'outlook.csv');
    writeFileSync(file, outlookCsv);
    return { dataDir, file };
  }

  it('import --dry-run says what it would create, merge and skip, each skipped line with its reason, and changes nothing', async () => {
    const { dataDir, file } = await setUp();
    const result = await run(runImportCommand, [file, '--dry-run', '--data-dir', dataDir]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(`Would create 1, merge 0, skip 2 of 3 records in ${file}. Nothing was changed.`);
    expect(lines[1]).toBe('Line 3: skipped: same email as Grace Hopper (grace@example.com)');
    expect(lines[2]).toMatch(/^Line 4: skipped: .+/);
    expect(await contactCount(dataDir)).toBe(1);

    const merging = await run(runImportCommand, [file, '--dry-run', '--duplicates', 'merge', '--data-dir', dataDir]);
    expect(merging.stdout.split('\n')[0]).toBe(`Would create 1, merge 1, skip 1 of 3 records in ${file}. Nothing was changed.`);
  });

  it('import reports created, merged and skipped, and every skipped line with its reason; exit 0 although rows were skipped', async () => {
    const { dataDir, file } = await setUp();
    const result = await run(runImportCommand, [file, '--data-dir', dataDir]);
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(`Created 1, merged 0, skipped 2 of 3 records in ${file}.`);
    expect(lines[1]).toMatch(/^Line 3: skipped Grace Hopper: .*Grace Hopper/);
    expect(lines[2]).toMatch(/^Line 4: skipped.*: .+/);
    expect(lines.at(-1)).toBe('To take this import back, choose Undo import in the app.');
    expect(await contactCount(dataDir)).toBe(2);
  });

  it('import --duplicates merge merges into the contact that has the same email', async () => {
    const { dataDir, file } = await setUp();
    const result = await run(runImportCommand, [file, '--duplicates', 'merge', '--data-dir', dataDir]);
    expect(result.stdout.split('\n')[0]).toBe(`Created 1, merged 1, skipped 1 of 3 records in ${file}.`);
    expect(await contactCount(dataDir)).toBe(2);
  });

  it('import says in one sentence that a file cannot be read: missing, or not a JSON export', async () => {
    const dataDir = tempDir();
    const missing = join(dataDir, 'nowhere.csv');
    expect(await run(runImportCommand, [missing, '--data-dir', dataDir])).toEqual({
      code: 1,
      stdout: '',
      stderr: `There is no file ${missing}. Check the name and try again.\n`,
    });
    const json = join(dataDir, 'Ambassador export.json');
    writeFileSync(json, '{}');
    const refused = await run(runImportCommand, [json, '--data-dir', dataDir]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^.*Ambassador export\.json is not an Ambassador JSON export: .*\.\n$/);
  });

  it('a JSON export loads whole into an empty data folder, and exporting that gives the same file; never into one with data', async () => {
    const source = tempDir();
    await withData(source, async (dispatch) => {
      await dispatch('contacts.seedSample', {});
    });
    const out = tempDir();
    const first = join(out, 'first.json');
    expect((await run(runExportCommand, ['--format', 'json', '--out', first, '--data-dir', source])).code).toBe(0);

    const empty = join(tempDir(), 'fresh');
    const loaded = await run(runImportCommand, [first, '--data-dir', empty]);
    expect(loaded.stderr).toBe('');
    expect(loaded.stdout).toMatch(/^Loaded 5\d contacts and everything else in .*first\.json \(\d+ tables\) into .*fresh\.\n$/);
    const second = join(out, 'second.json');
    expect((await run(runExportCommand, ['--format', 'json', '--out', second, '--data-dir', empty])).code).toBe(0);
    const tablesOf = (file: string) => (JSON.parse(readFileSync(file, 'utf8')) as { tables: unknown }).tables;
    expect(tablesOf(second)).toEqual(tablesOf(first));

    const again = await run(runImportCommand, [first, '--data-dir', empty]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already holds data');
    expect((await run(runImportCommand, [first, '--dry-run', '--data-dir', empty])).code).toBe(2);
  });

  it('import answers a wrong command line with the sentence and the usage, exit 2', async () => {
    for (const [args, sentence] of [
      [[], 'Say which one file to import.'],
      [['a.csv', 'b.csv'], 'Say which one file to import.'],
      [['a.csv', '--duplicates', 'keep'], '--duplicates is create, merge or skip, not “keep”.'],
      [['a.csv', '--dryrun'], "Unknown option '--dryrun'"],
    ] as const) {
      const result = await run(runImportCommand, [...args]);
      expect(result.code).toBe(2);
      expect(result.stderr.split('\n')[0]).toContain(sentence);
      expect(result.stderr).toContain('Usage: ambassador import FILE [--dry-run] [--duplicates create|merge|skip] [--data-dir DIR]');
    }
  });

  it('export writes CSV, vCard and JSON files the core makes, and a CSV export imports back as the same contacts', async () => {
    const { dataDir } = await setUp();
    const out = tempDir();
    const csv = join(out, 'contacts.csv');
    expect(await run(runExportCommand, ['--format', 'csv', '--out', csv, '--data-dir', dataDir])).toEqual({
      code: 0,
      stdout: `Exported 1 contact to ${csv}.\n`,
      stderr: '',
    });
    expect(readFileSync(csv, 'utf8')).toContain('grace@example.com');

    const vcard = join(out, 'contacts.vcf');
    expect((await run(runExportCommand, ['--format', 'vcard', '--out', vcard, '--data-dir', dataDir])).code).toBe(0);
    expect(readFileSync(vcard, 'utf8')).toContain('BEGIN:VCARD');

    const json = join(out, 'everything.json');
    expect((await run(runExportCommand, ['--format', 'json', '--out', json, '--data-dir', dataDir])).code).toBe(0);
    expect(() => JSON.parse(readFileSync(json, 'utf8')) as unknown).not.toThrow();

    const elsewhere = tempDir();
    const imported = await run(runImportCommand, [csv, '--data-dir', elsewhere]);
    expect(imported.stdout.split('\n')[0]).toBe(`Created 1, merged 0, skipped 0 of 1 record in ${csv}.`);
  });

  it('export refuses to replace a file unless --force is given, and a folder with no database', async () => {
    const { dataDir } = await setUp();
    const csv = join(tempDir(), 'contacts.csv');
    writeFileSync(csv, 'keep me');
    expect(await run(runExportCommand, ['--format', 'csv', '--out', csv, '--data-dir', dataDir])).toEqual({
      code: 1,
      stdout: '',
      stderr: `${csv} already exists. Choose another name, or add --force to replace it.\n`,
    });
    expect(readFileSync(csv, 'utf8')).toBe('keep me');

    const empty = tempDir();
    expect(await run(runExportCommand, ['--format', 'csv', '--out', join(empty, 'a.csv'), '--data-dir', empty])).toEqual({
      code: 1,
      stdout: '',
      stderr: `There is no Ambassador database in ${empty} to export.\n`,
    });
  });

  it('export answers a wrong command line with the sentence and the usage, exit 2', async () => {
    for (const [args, sentence] of [
      [['--out', 'a.csv'], 'Say which format: --format csv, vcard or json.'],
      [['--format', 'xlsx', '--out', 'a.xlsx'], '--format is csv, vcard or json, not “xlsx”.'],
      [['--format', 'csv'], 'Say which file to write with --out FILE.'],
      [['--format', 'csv', 'a.csv'], 'Say where to write with --out FILE, not “a.csv”.'],
    ] as const) {
      const result = await run(runExportCommand, [...args]);
      expect(result.code).toBe(2);
      expect(result.stderr.split('\n')[0]).toBe(sentence);
      expect(result.stderr).toContain('Usage: ambassador export --format csv|vcard|json --out FILE');
    }
  });
});

describe('what import prints', () => {
  const preview: ImportPreview = {
    file: '/home/ada/contacts.csv',
    format: 'csv',
    encoding: 'utf-8',
    delimiter: ',',
    preset: 'outlook',
    columns: ['First Name', 'E-mail Address'],
    mapping: [],
    totalRecords: 5,
    sample: [],
    invalid: [{ line: 6, reason: 'no name, company, email or phone' }],
    duplicates: [
      { line: 3, incomingName: 'Grace', existing: { id: 'c1', displayName: 'Grace Hopper' }, matchedBy: 'email', value: 'grace@example.com' },
      { line: 4, incomingName: 'Alan', existing: { id: 'c2', displayName: 'Alan Turing' }, matchedBy: 'phone', value: '4420' },
    ],
    photosSkipped: 2, blankLines: 0,
  };

  it('a dry run counts as the import would, and lists every skipped line in file order', () => {
    expect(dryRunLines(preview, 'skip')).toEqual([
      'Would create 2, merge 0, skip 3 of 5 records in /home/ada/contacts.csv. Nothing was changed.',
      'Line 3: skipped: same email as Grace Hopper (grace@example.com)',
      'Line 4: skipped: same phone as Alan Turing (4420)',
      'Line 6: skipped: no name, company, email or phone',
      '2 photos would be left out.',
    ]);
    expect(dryRunLines(preview, 'merge')[0]).toBe('Would create 2, merge 2, skip 1 of 5 records in /home/ada/contacts.csv. Nothing was changed.');
    expect(dryRunLines(preview, 'create')[0]).toBe('Would create 4, merge 0, skip 1 of 5 records in /home/ada/contacts.csv. Nothing was changed.');
  });

  it('the report lists every skipped row with its reason, and how to undo', () => {
    const report: ImportReport = {
      batchId: 'b1',
      file: '/home/ada/contacts.csv',
      format: 'csv',
      total: 3,
      created: 1,
      merged: 1,
      skipped: 1,
      photosSkipped: 1, blankLines: 0,
      rows: [
        { line: 2, outcome: 'created', name: 'Ada Lovelace', contactId: 'c3', reason: null },
        { line: 3, outcome: 'merged', name: 'Grace Hopper', contactId: 'c1', reason: 'same email as Grace Hopper' },
        { line: 4, outcome: 'skipped', name: '', contactId: null, reason: 'no name, company, email or phone' },
      ],
    };
    expect(reportLines(report)).toEqual([
      'Created 1, merged 1, skipped 1 of 3 records in /home/ada/contacts.csv.',
      'Line 4: skipped: no name, company, email or phone',
      '1 photo was left out.',
      'To take this import back, choose Undo import in the app.',
    ]);
  });
});
