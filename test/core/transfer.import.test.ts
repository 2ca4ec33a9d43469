import { writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ContactSummary } from '../../shared/contacts/contacts.schemas.ts';
import type { ImportBatch } from '../../shared/transfer/transfer.schemas.ts';
import { csvOf, header, openTransferCore, type TransferCore } from './transfer-core.ts';

let api: TransferCore;
beforeEach(async () => {
  api = await openTransferCore();
});
afterEach(async () => {
  await api.close();
});

const rows = [
  header,
  ['Grace', 'Hopper', 'Navy', 'grace@navy.mil', '+1 (555) 010-2000', 'Wrote COBOL', 'pioneer'],
  ['Alan', 'Turing', '', 'not-an-email', '', '', ''],
  ['Ada', 'Lovelace', '', ' ADA@Example.com ', '', 'Met at the salon', 'math'],
  ['Linus', 'T', '', '', '555.010.2000', '', ''],
  ['Grace', 'B. Hopper', '', 'GRACE@navy.mil', '', 'second row', 'admiral'],
  ['', '', '', 'nobody@example.com', '', '', ''],
];

describe('transfer.previewImport', () => {
  it('shows the first rows as they will be saved, every row it would skip with its reason, and the duplicates of saved contacts and of earlier rows', async () => {
    const ada = await api.create({ firstName: 'Ada', lastName: 'Lovelace', emails: [{ value: 'ada@example.com' }], notes: 'Countess' });
    const preview = await api.preview({ file: api.file(csvOf(rows)) });
    expect(preview.totalRecords).toBe(6);
    expect(preview.sample.map((row) => [row.line, row.contact?.firstName ?? null, row.problems])).toEqual([
      [2, 'Grace', []],
      [3, null, ['Email: Enter an email address like name@example.com.']],
      [4, 'Ada', []],
      [5, 'Linus', []],
      [6, 'Grace', []],
      [7, null, ['First name: Enter a first or last name.']],
    ]);
    expect(preview.sample[0]!.contact).toMatchObject({ emails: [{ value: 'grace@navy.mil', primary: true }], tags: ['pioneer'] });
    expect(preview.invalid).toEqual([
      { line: 3, reason: 'Email: Enter an email address like name@example.com.' },
      { line: 7, reason: 'First name: Enter a first or last name.' },
    ]);
    expect(preview.duplicates).toEqual([
      { line: 4, incomingName: 'Ada Lovelace', existing: { id: ada.id, displayName: 'Ada Lovelace' }, matchedBy: 'email', value: 'ada@example.com' },
      { line: 5, incomingName: 'Linus T', existing: { id: '', displayName: 'Grace Hopper' }, matchedBy: 'phone', value: '5550102000', earlierLine: 2 },
      { line: 6, incomingName: 'Grace B. Hopper', existing: { id: '', displayName: 'Grace Hopper' }, matchedBy: 'email', value: 'grace@navy.mil', earlierLine: 2 },
    ]);
    expect(api.raw('select count(*) as n from contacts')).toEqual([{ n: 1 }]);
  });

  it('says how many blank lines it passed over, in the preview and in the report', async () => {
    const file = api.file(`${csvOf(rows.slice(0, 2))}\n\n${csvOf(rows.slice(3, 4))}`);
    const preview = await api.preview({ file });
    expect([preview.totalRecords, preview.blankLines]).toEqual([2, 2]);
    const report = await api.import({ file });
    expect([report.total, report.created, report.blankLines]).toEqual([2, 2, 2]);
  });

  it('fault: bad input: a file it cannot read is refused in words that say what to do', async () => {
    const missing = `${api.dir}/nowhere.csv`;
    expect(await api.refusal('transfer.previewImport', { file: missing })).toMatchObject({
      code: 'VALIDATION',
      message: `Ambassador cannot read ${missing}: there is no such file. Check the name and the folder, then try again.`,
    });
    expect(await api.refusal('transfer.previewImport', { file: api.dir })).toMatchObject({
      code: 'VALIDATION',
      message: `Ambassador cannot read ${api.dir}: that is a folder. Choose a file inside it.`,
    });
    expect(await api.refusal('transfer.importContacts', { file: '  ' })).toMatchObject({ code: 'VALIDATION', message: 'Please check: File: Choose a file.' });
  });
});

describe('transfer.importContacts', () => {
  it('accounts for every row: created, merged or skipped with its line and reason, and the counts reconcile', async () => {
    const ada = await api.create({ firstName: 'Ada', lastName: 'Lovelace', emails: [{ value: 'ada@example.com' }], notes: 'Countess', tags: ['Math'] });
    const report = await api.import({ file: api.file(csvOf(rows)), duplicates: { all: 'merge', byLine: { '5': 'create' } }, tag: 'Imported 2026-12-02' });
    expect(report.rows.map(({ line, outcome, reason }) => [line, outcome, reason])).toEqual([
      [2, 'created', null],
      [3, 'skipped', 'Email: Enter an email address like name@example.com.'],
      [4, 'merged', 'same email as Ada Lovelace (ada@example.com)'],
      [5, 'created', 'same phone as line 2 (Grace Hopper); created as a new contact'],
      [6, 'merged', 'same email as line 2 (Grace Hopper)'],
      [7, 'skipped', 'First name: Enter a first or last name.'],
    ]);
    expect(report).toMatchObject({ total: 6, created: 2, merged: 2, skipped: 2 });
    expect(report.created + report.merged + report.skipped).toBe(report.total);

    // Merging never overwrites: Ada keeps her notes and tags, gains the row's and the import's tag.
    const merged = await api.get(ada.id);
    expect(merged).toMatchObject({ firstName: 'Ada', emails: [{ value: 'ada@example.com' }], notes: 'Countess\n\nMet at the salon', tags: ['Math', 'Imported 2026-12-02'] });
    // Line 6 folded into the contact line 2 created: Grace keeps her last name, gains the tag and note.
    const grace = await api.get(report.rows[0]!.contactId!);
    expect(report.rows[4]!.contactId).toBe(grace.id);
    expect(grace).toMatchObject({ lastName: 'Hopper', notes: 'Wrote COBOL\n\nsecond row', tags: ['pioneer', 'Imported 2026-12-02', 'admiral'] });
    const linus = await api.get(report.rows[3]!.contactId!);
    expect(linus.tags).toEqual(['Imported 2026-12-02']);
  });

  it('skips duplicates unless told otherwise, and the user may choose for one line', async () => {
    await api.create({ firstName: 'Ada', emails: [{ value: 'ada@example.com' }] });
    const file = api.file(csvOf([header, ['Ada', 'L', '', 'ada@example.com', '', '', ''], ['Ada', 'K', '', 'ADA@example.com', '', '', '']]));
    const report = await api.import({ file, duplicates: { byLine: { '3': 'merge' } } });
    expect(report.rows.map((row) => [row.outcome, row.reason])).toEqual([
      ['skipped', 'same email as Ada (ada@example.com)'],
      ['merged', 'same email as Ada (ada@example.com)'],
    ]);
  });

  it('imports the file as it is now, even when it changed after the preview', async () => {
    const file = api.file(csvOf([header, ['Ada', 'Lovelace', '', '', '', '', '']]));
    expect((await api.preview({ file })).totalRecords).toBe(1);
    writeFileSync(file, csvOf([header, ['Ada', 'Lovelace', '', '', '', '', ''], ['Grace', 'Hopper', '', '', '', '', '']]));
    expect(await api.import({ file })).toMatchObject({ total: 2, created: 2 });
  });

  it('indexes imported contacts exactly as one-by-one creation does, so search finds them by name, email, phone digits, tag and note', async () => {
    const fields = { firstName: 'Émile', lastName: 'Zola', company: 'L’Aurore', emails: [{ value: 'emile@aurore.fr' }], phones: [{ value: '+33 (1) 42-00-11-22' }], notes: 'J’accuse', tags: ['writer'] };
    const typed = await api.create(fields);
    const report = await api.import({ file: api.file(csvOf([header, ['Émile', 'Zola', 'L’Aurore', 'emile@aurore.fr', '+33 (1) 42-00-11-22', 'J’accuse', 'writer']])), duplicates: { all: 'create' } });
    const imported = report.rows[0]!.contactId!;
    const entry = (id: string) =>
      api.raw<Record<string, string>>('select f.name, f.company, f.emails, f.phones, f.tags, f.notes, f.address from contacts_fts f join contacts c on c.num = f.rowid where c.id = ?', id);
    expect(entry(imported)).toEqual(entry(typed.id));
    expect(entry(imported)).toHaveLength(1);
    for (const query of ['emile zola', 'aurore.fr', '33142001122', 'writer', 'accuse']) {
      const found = api.value<ContactSummary[]>(await api.call('contacts.search', { query }));
      expect(found.map((contact) => contact.id), query).toContain(imported);
    }
  });

  it('publishes the change after it commits, and progress for a large file', async () => {
    const many = [header, ...Array.from({ length: 12_000 }, (_, index) => [`Person${index}`, 'Test', '', `p${index}@example.com`, '', '', ''])];
    const report = await api.import({ file: api.file(csvOf(many)) });
    expect(report.created).toBe(12_000);
    const names = api.events.map((event) => event.name);
    expect(names.filter((name) => name === 'transfer.progress').length).toBeGreaterThanOrEqual(3);
    expect(names.slice(-2)).toEqual(['contacts.changed', 'transfer.changed']);
    expect(api.events.at(-2)).toMatchObject({ payload: { reason: 'imported', ids: expect.arrayContaining([report.rows[0]!.contactId]) } });
    expect(api.events.at(-1)).toEqual({ name: 'transfer.changed', payload: { batchId: report.batchId, reason: 'imported' } });
    expect(api.events.filter((event) => event.name === 'transfer.progress').at(-1)).toEqual({ name: 'transfer.progress', payload: { operation: 'import', done: 12_000, total: 12_000 } });
  });
});

describe('transfer.undoImport', () => {
  it('puts created contacts in the Trash and merged ones back as they were; a second undo is refused', async () => {
    const ada = await api.create({ firstName: 'Ada', lastName: 'Lovelace', emails: [{ value: 'ada@example.com' }], notes: 'Countess', tags: ['Math'] });
    const file = api.file(csvOf([header, ['Ada', '', '', 'ada@example.com', '555 123 4567', 'note', 'new'], ['Grace', 'Hopper', '', 'grace@navy.mil', '', '', '']]));
    const first = await api.import({ file, duplicates: { all: 'merge' } });
    const grace = first.rows[1]!.contactId!;
    expect((await api.get(ada.id)).phones).toHaveLength(1);
    const second = await api.import({ file: api.file(csvOf([header, ['Alan', 'Turing', '', '', '', '', '']])) });

    const batches = api.value<ImportBatch[]>(await api.call('transfer.imports', {}));
    expect(batches.map((batch) => batch.batchId)).toEqual([second.batchId, first.batchId]);

    expect(api.value(await api.call('transfer.undoImport', { batchId: first.batchId }))).toEqual({ batchId: first.batchId, removed: 1, restored: 1 });
    expect(await api.get(ada.id)).toEqual(ada);
    expect((await api.get(grace)).deletedAt).not.toBeNull();
    const found = api.value<ContactSummary[]>(await api.call('contacts.search', { query: 'grace' }));
    expect(found).toEqual([]);
    expect(api.value<ContactSummary[]>(await api.call('contacts.search', { query: '5551234567' }))).toEqual([]);

    expect(await api.refusal('transfer.undoImport', { batchId: first.batchId })).toMatchObject({ code: 'VALIDATION', message: 'Import: That import was already undone.' });
    expect(await api.refusal('transfer.undoImport', { batchId: 'nope' })).toMatchObject({ code: 'NOT_FOUND' });
    const after = api.value<ImportBatch[]>(await api.call('transfer.imports', {}));
    expect(after[1]).toMatchObject({ batchId: first.batchId, created: 1, merged: 1, skipped: 0, undoneAt: expect.any(String) });
    expect(after[0]!.undoneAt).toBeNull();
  });

  it('keeps history logged since for a created contact: it waits in the Trash', async () => {
    const report = await api.import({ file: api.file(csvOf([header, ['Grace', 'Hopper', '', '', '', '', '']])) });
    const grace = report.rows[0]!.contactId!;
    api.value(await api.call('history.log', { contactId: grace, kind: 'call', occurredAt: '2026-12-02T09:00:00.000Z', summary: 'Talked' }));
    api.value(await api.call('transfer.undoImport', { batchId: report.batchId }));
    api.value(await api.call('contacts.restore', { id: grace }));
    expect(api.raw('select summary from interactions where contact_id = ?', grace)).toEqual([{ summary: 'Talked' }]);
  });
});
