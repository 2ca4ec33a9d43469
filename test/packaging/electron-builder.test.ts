import { listPackage } from '@electron/asar';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { execFile } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const run = promisify(execFile);

// validateConfiguration only writes to its logger when debugging is on.
const quietLogger: Parameters<typeof validateConfiguration>[1] = {
  isEnabled: false,
  data: new Map(),
  add: () => {},
  save: async () => {},
} as unknown as Parameters<typeof validateConfiguration>[1];

type Config = Awaited<ReturnType<typeof getConfig>>;

/** getConfig normalizes `files` into file sets; the patterns as written in the yml. */
function filePatterns(config: Config): string[] {
  const entries = [config.files ?? []].flat();
  return entries.flatMap((entry) => (typeof entry === 'string' ? [entry] : [entry.filter ?? []].flat()));
}

describe('electron-builder.yml', () => {
  it('passes electron-builder’s own schema, offline', async () => {
    const config = await getConfig(root, null, null);
    await expect(validateConfiguration(config, quietLogger)).resolves.toBeUndefined();
    // The check is live: an unknown option is refused.
    await expect(validateConfiguration({ ...config, notAnOption: true } as never, quietLogger)).rejects.toThrow(/notAnOption/);
  });

  it('packs only built output, unpacks native modules and compiles nothing', async () => {
    const config = await getConfig(root, null, null);
    expect(config.appId).toBe('app.ambassador.crm');
    expect(config.productName).toBe('Ambassador');
    expect(config.directories?.output).toBe('release');
    const included = filePatterns(config).filter((pattern) => !pattern.startsWith('!'));
    expect(included.sort()).toEqual(['dist-main/**', 'dist-renderer/**', 'package.json']);
    expect(config.asarUnpack).toEqual(['**/*.node', 'dist-main/**', 'node_modules/better-sqlite3/**']);
    expect(config.npmRebuild).toBe(false);
    expect(config.nodeGypRebuild).toBe(false);
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.linux?.category).toBe('Office');
    expect(config.linux?.maintainer).toBeTruthy();
    expect(config.win?.target).toEqual(['nsis']);
    expect(config.mac?.target).toEqual(['dmg']);
    expect(config.mac?.category).toBe('public.app-category.business');
  });
});

describe.skipIf(process.platform !== 'linux')('a --dir build with a stand-in Electron executable', () => {
  let work: string;
  let resources: string;
  let asarEntries: string[];

  beforeAll(async () => {
    for (const built of ['dist-main/electron-main.js', 'dist-main/worker.js', 'dist-main/preload.cjs', 'dist-renderer/index.html']) {
      if (!existsSync(join(root, built))) throw new Error(`${built} is missing: run npm run build before this test.`);
    }
    work = mkdtempSync(join(tmpdir(), 'ambassador-package-'));
    // The real Electron cannot be downloaded here; electron-builder only copies
    // this folder as the app's skeleton, so a shell script stands in for it.
    const electronDist = join(work, 'electron-dist');
    mkdirSync(electronDist);
    writeFileSync(join(electronDist, 'electron'), '#!/bin/sh\necho "stand-in Electron"\n');
    chmodSync(join(electronDist, 'electron'), 0o755);
    const output = join(work, 'release');
    await run(
      process.execPath,
      [
        join(root, 'node_modules', 'electron-builder', 'cli.js'),
        '--linux',
        'dir',
        '--publish',
        'never',
        `-c.electronDist=${electronDist}`,
        `-c.directories.output=${output}`,
      ],
      { cwd: root, env: { ...process.env, CI: 'true' }, timeout: 120_000 },
    );
    resources = join(output, 'linux-unpacked', 'resources');
    asarEntries = listPackage(join(resources, 'app.asar'), { isPack: false }).map((entry) => entry.split(sep).join('/'));
  }, 150_000);

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('makes an app.asar holding the built app and nothing of the sources', () => {
    expect(existsSync(join(resources, 'app.asar'))).toBe(true);
    for (const built of ['/package.json', '/dist-main/electron-main.js', '/dist-main/worker.js', '/dist-main/preload.cjs', '/dist-renderer/index.html']) {
      expect(asarEntries).toContain(built);
    }
    const leaked = asarEntries.filter((entry) =>
      /^\/(src-main|src-renderer|shared|migrations|test|\.tmp|release)(\/|$)|\.(ts|tsx|map)$|^\/node_modules\/(electron|kysely|zod|react|vite|node)(\/|$)/.test(entry),
    );
    expect(leaked).toEqual([]);
  });

  it('puts better-sqlite3’s native binary for this machine in app.asar.unpacked', () => {
    const prebuilds = join(resources, 'app.asar.unpacked', 'node_modules', 'better-sqlite3', 'prebuilds');
    expect(existsSync(join(prebuilds, `${process.platform}-${process.arch}.node`))).toBe(true);
    expect(readdirSync(prebuilds).every((file) => file.startsWith(process.platform) && file.endsWith(`-${process.arch}.node`))).toBe(true);
  });

  it('unpacks the core’s worker with its chunks and better-sqlite3, so the worker thread never reads the archive', () => {
    const unpacked = join(resources, 'app.asar.unpacked');
    expect(existsSync(join(unpacked, 'dist-main', 'worker.js'))).toBe(true);
    const worker = readFileSync(join(unpacked, 'dist-main', 'worker.js'), 'utf8');
    for (const [, chunk] of worker.matchAll(/from\s+["']\.\/([^"']+)["']/g)) {
      expect(existsSync(join(unpacked, 'dist-main', chunk!)), chunk).toBe(true);
    }
    expect(existsSync(join(unpacked, 'node_modules', 'better-sqlite3', 'package.json'))).toBe(true);
    expect(existsSync(join(unpacked, 'node_modules', 'better-sqlite3', 'lib', 'index.js'))).toBe(true);
  });

  it('ships a preload that requires nothing but electron, as a sandboxed preload must', () => {
    const preload = readFileSync(join(root, 'dist-main', 'preload.cjs'), 'utf8');
    const required = [...preload.matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((match) => match[1]);
    expect(required).toEqual(['electron']);
    expect(preload).not.toMatch(/^\s*(import|export)\s/m);
  });
});
