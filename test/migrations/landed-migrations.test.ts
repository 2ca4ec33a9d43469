import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import landed from './landed-migrations.json' with { type: 'json' };

// Users' databases were built by the migrations as they landed: editing one
// changes nothing for them and splits the schema in two. A change goes into
// a new migration. This list holds the sha256 of each landed file.

const folder = join(import.meta.dirname, '..', '..', 'migrations');
const listFile = 'test/migrations/landed-migrations.json';

/** Line endings are left out, so a Windows checkout hashes the same. */
function sha256(file: string): string {
  return createHash('sha256')
    .update(readFileSync(join(folder, file), 'utf8').replace(/\r\n/g, '\n'))
    .digest('hex');
}

const files = readdirSync(folder).filter((file) => /^\d{4}_.+\.ts$/.test(file)).sort();
const listed: Record<string, string> = landed;

describe('landed migrations', () => {
  it.each(Object.keys(listed))('%s is still there, unchanged', (file) => {
    expect(files, `migrations/${file} has landed and must stay: put it back`).toContain(file);
    expect(
      sha256(file),
      `migrations/${file} changed after it landed. Databases already made ran it as it was, so put it back and ` +
        `make the change in a new migration (the next number), then list that one in ${listFile}`,
    ).toBe(listed[file]);
  });

  it('lists every migration in the folder', () => {
    const unlisted = files.filter((file) => !Object.hasOwn(listed, file));
    const entries = unlisted.map((file) => `"${file}": "${sha256(file)}"`).join(', ');
    expect(unlisted, `New migrations must be listed as landed: add ${entries} to ${listFile}`).toEqual([]);
  });
});
