import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readContactFile, type ContactRecord, type ReadContactFileOptions } from '../../../src-main/core/transfer/contact-file.ts';

export const FIXTURES = join(import.meta.dirname, '../../fixtures/contacts');

export function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(FIXTURES, name)));
}

export function readFixture(name: string, options: Partial<ReadContactFileOptions> = {}) {
  return readContactFile(fixtureBytes(name), { fileName: name, ...options });
}

export function readText(text: string, fileName = 'contacts.csv', options: Partial<ReadContactFileOptions> = {}) {
  return readContactFile(new TextEncoder().encode(text), { fileName, ...options });
}

type ReadRecord = Extract<ContactRecord, { fields: unknown }>;

/** The record, failing the test when it is a problem instead. */
export function readable(record: ContactRecord | undefined): ReadRecord {
  if (record === undefined || 'problem' in record) throw new Error(`expected a readable record, got ${JSON.stringify(record)}`);
  return record;
}

export function problemOf(record: ContactRecord | undefined): string {
  if (record === undefined || !('problem' in record)) throw new Error(`expected a problem record, got ${JSON.stringify(record)}`);
  return record.problem;
}
