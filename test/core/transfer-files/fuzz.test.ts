import { describe, expect, it } from 'vitest';
import { readContactFile, type ContactFile, type ContactRecord } from '../../../src-main/core/transfer/contact-file.ts';
import { decodeText } from '../../../src-main/core/transfer/text-encoding.ts';
import { countLineBreaks, lineOfEachByte, mutate, reencode, seeded } from './fuzz.ts';
import { fixtureBytes } from './read.ts';

// Thousands of seeded mutations of real exports: every read finishes, every record is either
// fields or a problem with a line number, and a row or card the mutation did not touch still
// reads the same (no good row lost).

const MUTATIONS_PER_FILE = 1500;
const ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be'] as const;

const content = (record: ContactRecord) => JSON.stringify({ ...record, line: 0 });

function checkShape(file: ContactFile, why: string) {
  let previous = 0;
  for (const record of file.records) {
    expect(Number.isInteger(record.line) && record.line >= 1, why).toBe(true);
    expect(record.line, why).toBeGreaterThanOrEqual(previous);
    previous = record.line;
    expect(typeof record.name, why).toBe('string');
    if ('problem' in record) expect(record.problem.length, why).toBeGreaterThan(0);
    else expect(Array.isArray(record.leftOut) && typeof record.fields === 'object', why).toBe(true);
  }
  expect(file.photosSkipped, why).toBeLessThanOrEqual(file.records.length);
}

function fuzz(name: string, seed: number) {
  const original = fixtureBytes(name);
  const baseline = readContactFile(original, { fileName: name });
  const baseText = decodeText(original).text;
  const utf16 = baseline.encoding === 'utf-16le' ? 'le' : baseline.encoding === 'utf-16be' ? 'be' : null;
  const lineOf = lineOfEachByte(original, utf16);
  const lastLineOf = (index: number) => baseline.records[index + 1]?.line ?? Number.MAX_SAFE_INTEGER;
  const random = seeded(seed);
  let slowest = 0;
  let compared = 0;
  for (let run = 0; run < MUTATIONS_PER_FILE; run += 1) {
    const reencoding = run % 20 === 0;
    const mutation = reencoding
      ? { kind: 'another encoding', bytes: reencode(baseText, ENCODINGS[(run / 20) % 3] ?? 'utf-8'), from: 0, to: 0 }
      : mutate(original, random);
    const why = `${name}, run ${run}: ${mutation.kind} at bytes ${mutation.from}–${mutation.to}`;
    const started = performance.now();
    const file = readContactFile(mutation.bytes, { fileName: name });
    slowest = Math.max(slowest, performance.now() - started);
    checkShape(file, why);
    if (reencoding) {
      expect(file.records, why).toEqual(baseline.records);
      continue;
    }
    // Comparable only when the file is still read the same way: same encoding, delimiter and header.
    const sameReading = file.encoding === baseline.encoding && file.delimiter === baseline.delimiter && JSON.stringify(file.columns) === JSON.stringify(baseline.columns);
    if (!sameReading) continue;
    const firstTouched = lineOf[mutation.from] ?? Number.MAX_SAFE_INTEGER;
    const lastTouched = lineOf[Math.min(mutation.to, original.length) - 1] ?? Number.MAX_SAFE_INTEGER;
    const byteShift = mutation.bytes.length - original.length;
    const shift = countLineBreaks(decodeText(mutation.bytes).text) - countLineBreaks(baseText);
    const mutated = new Map(file.records.map((record) => [`${record.line}:${content(record)}`, record]));
    baseline.records.forEach((record, index) => {
      const before = lastLineOf(index) - 1 < firstTouched;
      // The row right after the touched stretch may take in its line break; the ones after that may not change.
      const after = record.line > lastTouched + 1 && mutation.to < original.length && !(utf16 !== null && byteShift % 2 !== 0);
      if (before) expect(mutated.has(`${record.line}:${content(record)}`), `${why}: line ${record.line} before it changed`).toBe(true);
      if (after) expect(mutated.has(`${record.line + shift}:${content(record)}`), `${why}: line ${record.line} after it changed`).toBe(true);
      if (before || after) compared += 1;
    });
  }
  // A hang guard with a wide margin, not a speed test: the issue allows no input to hang for 5 s.
  expect(slowest).toBeLessThan(5000);
  expect(compared).toBeGreaterThan(MUTATIONS_PER_FILE / 10);
}

describe('fault: fuzzed CSV', () => {
  const files = ['google-contacts.csv', 'google-contacts-legacy.csv', 'outlook-contacts-windows-1252.csv', 'utf-16le-with-bom.csv'];
  files.forEach((name, index) => it(name, () => fuzz(name, 1000 + index), 60_000));
});

describe('fault: fuzzed vCard', () => {
  const files = ['vcard-2.1-android.vcf', 'vcard-3.0-apple.vcf', 'vcard-4.0.vcf'];
  files.forEach((name, index) => it(name, () => fuzz(name, 2000 + index), 60_000));
});
