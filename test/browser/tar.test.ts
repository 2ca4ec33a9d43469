import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDataDir } from '../helpers/temp-data-dir.ts';
import { untar } from './tar.ts';

let temp: ReturnType<typeof makeTempDataDir>;
beforeEach(() => {
  temp = makeTempDataDir('ambassador-tar-');
});
afterEach(() => temp.remove());

/** Archives `entries` (paths under `source`) with the system's tar in the given format. */
function tar(format: string, source: string, entries: string[], extra: string[] = []): Buffer {
  return execFileSync('tar', [`--format=${format}`, ...extra, '-cf', '-', '-C', source, ...entries]);
}

describe('untar', () => {
  it.each(['ustar', 'gnu'])('extracts folders and files with their modes from %s archives', (format) => {
    const source = join(temp.dir, 'source');
    mkdirSync(join(source, 'fonts/Open_Sans'), { recursive: true });
    writeFileSync(join(source, 'fonts/Open_Sans/OpenSans-Regular.ttf'), Buffer.alloc(1500, 7));
    writeFileSync(join(source, 'libnss3.so'), 'library', { mode: 0o755 });
    writeFileSync(join(source, 'empty.chk'), '', { mode: 0o644 });
    const into = join(temp.dir, 'into');

    untar(tar(format, source, ['fonts', 'libnss3.so', 'empty.chk']), into);

    expect(readFileSync(join(into, 'fonts/Open_Sans/OpenSans-Regular.ttf'))).toEqual(Buffer.alloc(1500, 7));
    expect(readFileSync(join(into, 'libnss3.so'), 'utf8')).toBe('library');
    expect(statSync(join(into, 'libnss3.so')).mode & 0o777).toBe(0o755);
    expect(statSync(join(into, 'empty.chk')).size).toBe(0);
  });

  it('refuses links instead of extracting part of the archive', () => {
    const source = join(temp.dir, 'source');
    mkdirSync(source);
    symlinkSync('/etc/passwd', join(source, 'link'));
    expect(() => untar(tar('ustar', source, ['link']), join(temp.dir, 'into'))).toThrow(/entry type "2"/);
  });

  it('refuses entries outside the target folder', () => {
    const source = join(temp.dir, 'a/b');
    mkdirSync(source, { recursive: true });
    writeFileSync(join(temp.dir, 'a/outside'), 'x');
    expect(() => untar(tar('ustar', source, ['../outside'], ['-P']), join(temp.dir, 'into'))).toThrow(/outside the target folder/);
  });

  it('refuses a cut-short archive', () => {
    const source = join(temp.dir, 'source');
    mkdirSync(source);
    writeFileSync(join(source, 'chromium'), Buffer.alloc(4096, 1));
    expect(() => untar(tar('ustar', source, ['chromium']).subarray(0, 2048), join(temp.dir, 'into'))).toThrow(/cut short/);
  });
});
