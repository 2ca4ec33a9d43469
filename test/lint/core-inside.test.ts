import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// Inside the core, checked against the real lint config: only repositories and
// db/ touch the database, a domain reaches another only through its service, and
// generic code names a domain only where it merges it.
const eslint = new ESLint({ cwd: process.cwd() });

async function coreErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((message) => message.ruleId === 'ambassador/core-inside').map((message) => message.message);
}

const service = 'src-main/core/contacts/contacts.service.ts';
const repository = 'src-main/core/contacts/contacts.repository.ts';

describe('the inside of the core (lint)', () => {
  it.each([
    [service, "import { sql } from 'kysely';", 'is the database'],
    [service, "import type { Kysely } from 'kysely';", 'is the database'],
    [service, "import type { Database } from '../db/schema.ts';", 'is the database'],
    ['src-main/core/insights/clv/x.ts', "import Sqlite from 'better-sqlite3';", 'is the database'],
    [service, "export const q = (db: any) => db.selectFrom('contacts').selectAll().execute();", 'runs SQL'],
    ['src-main/core/contacts/contacts.companies.ts', "export const q = (db: any) => db.updateTable('contacts');", 'runs SQL'],
    [service, "export const w = (ctx: any) => ctx.db.transaction().execute(async () => 1);", 'mutation wrapper'],
    [repository, "export const w = (db: any) => db.transaction().execute(async () => 1);", 'mutation wrapper'],
    [service, "export const p = (ctx: any) => ctx.publish({ name: 'contacts.changed', payload: { ids: [], reason: 'created' } });", 'mutation wrapper'],
    ['src-main/core/history/history.service.ts', "import { findContactById } from '../contacts/contacts.repository.ts';\nexport const f = findContactById;", 'reaches inside the contacts domain'],
    ['src-main/core/history/history.service.ts', "import type { ContactRow } from '../contacts/contacts.table.ts';\nexport type R = ContactRow;", 'reaches inside the contacts domain'],
    ['src-main/core/dispatch.ts', "import { createContact } from './contacts/contacts.service.ts';\nexport const c = createContact;", 'names a domain in generic code'],
  ])('refuses %s: %s', async (filePath, code, because) => {
    const errors = await coreErrors(filePath, code);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(because);
  });

  it.each([
    [repository, "import { sql, type Kysely } from 'kysely';\nimport type { Database } from '../db/schema.ts';\nexport const q = (db: Kysely<Database>) => db.selectFrom('contacts').select(sql<number>`count(*)`.as('n')).execute();"],
    ['src-main/core/contacts/contacts.table.ts', "import type { Generated } from 'kysely';\nexport type T = { num: Generated<number> };"],
    ['src-main/core/db/migrate.ts', "export const w = (db: any) => db.transaction().execute(async () => 1);"],
    [service, "import type { Db } from '../db/handle.ts';\nimport { mutate } from '../db/mutation.ts';\nimport { findContactById } from './contacts.repository.ts';\nexport const f = (db: Db) => findContactById(db, 'x');\nexport const m = mutate;"],
    ['src-main/core/history/history.service.ts', "import { getContact } from '../contacts/contacts.service.ts';\nexport const g = getContact;"],
    ['src-main/core/handlers.ts', "import { contactsHandlers } from './contacts/contacts.handlers.ts';\nexport const h = contactsHandlers;"],
    ['src-main/core/db/schema.ts', "import type { ContactTable } from '../contacts/contacts.table.ts';\nexport type D = { contacts: ContactTable };"],
  ])('allows %s: %s', async (filePath, code) => {
    expect(await coreErrors(filePath, code)).toEqual([]);
  });
});
