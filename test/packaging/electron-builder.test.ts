import { extractFile, listPackage, statFile } from '@electron/asar';
import { FuseV1Options, FuseVersion, getCurrentFuseWire } from '@electron/fuses';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { execFile } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
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
    expect(config.asarUnpack).toEqual(['**/*.node']);
    expect(config.asar).toEqual({ smartUnpack: false });
    expect(config.npmRebuild).toBe(false);
    expect(config.nodeGypRebuild).toBe(false);
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.linux?.category).toBe('Office');
    expect(config.linux?.maintainer).toBeTruthy();
    expect(config.win?.target).toEqual(['nsis']);
    expect(config.mac?.target).toEqual(['dmg']);
    expect(config.mac?.category).toBe('public.app-category.business');
  });

  it('turns off Electron’s Node entry points and ties the app to its app.asar, through fuses', async () => {
    const config = await getConfig(root, null, null);
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });
});

// What a fuse reads as in the executable: the ASCII digits '0' and '1'.
const fuseOff = '0'.charCodeAt(0);
const fuseOn = '1'.charCodeAt(0);
// The fuse wire as Electron 45 ships it: Node entry points and file://
// privileges on, asar integrity and asar-only loading off.
const shippedFuses = '10110001';
const fuseSentinel = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

describe.skipIf(process.platform !== 'linux')('a --dir build with a stand-in Electron executable', () => {
  let work: string;
  let appOutDir: string;
  let archive: string;
  let asarEntries: string[];

  beforeAll(async () => {
    for (const built of ['dist-main/electron-main.js', 'dist-main/worker.js', 'dist-main/preload.cjs', 'dist-renderer/index.html']) {
      if (!existsSync(join(root, built))) throw new Error(`${built} is missing: run npm run build before this test.`);
    }
    work = mkdtempSync(join(tmpdir(), 'ambassador-package-'));
    // The real Electron cannot be downloaded here; electron-builder only copies
    // this folder as the app's skeleton and flips the fuses in its executable,
    // so a shell script carrying Electron's fuse wire stands in for it.
    const electronDist = join(work, 'electron-dist');
    mkdirSync(electronDist);
    const wire = Buffer.concat([Buffer.from(fuseSentinel), Buffer.from([Number(FuseVersion.V1), shippedFuses.length]), Buffer.from(shippedFuses)]);
    writeFileSync(join(electronDist, 'electron'), Buffer.concat([Buffer.from('#!/bin/sh\necho "stand-in Electron"\nexit 0\n# '), wire, Buffer.from('\n')]));
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
    appOutDir = join(output, 'linux-unpacked');
    archive = join(appOutDir, 'resources', 'app.asar');
    asarEntries = listPackage(archive, { isPack: false }).map((entry) => entry.split(sep).join('/'));
  }, 150_000);

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  /** Every file under a folder, as /-separated paths relative to it. */
  function filesUnder(folder: string): string[] {
    return readdirSync(folder, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => relative(folder, join(entry.parentPath, entry.name)).split(sep).join('/'));
  }

  it('flips the fuses in the packaged executable (the stand-in carries Electron’s fuse wire)', async () => {
    const executable = join(appOutDir, 'ambassador');
    expect(existsSync(executable)).toBe(true);
    const fuses = await getCurrentFuseWire(executable);
    expect(fuses[FuseV1Options.RunAsNode]).toBe(fuseOff);
    expect(fuses[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(fuseOff);
    expect(fuses[FuseV1Options.EnableNodeCliInspectArguments]).toBe(fuseOff);
    expect(fuses[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(fuseOn);
    expect(fuses[FuseV1Options.OnlyLoadAppFromAsar]).toBe(fuseOn);
    expect(fuses[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(fuseOff);
  });

  it('makes an app.asar holding the built app and nothing of the sources', () => {
    expect(existsSync(archive)).toBe(true);
    for (const built of ['/package.json', '/dist-main/electron-main.js', '/dist-main/worker.js', '/dist-main/preload.cjs', '/dist-renderer/index.html']) {
      expect(asarEntries).toContain(built);
    }
    const leaked = asarEntries.filter((entry) =>
      /^\/(src-main|src-renderer|shared|migrations|test|\.tmp|release)(\/|$)|\.(ts|tsx|map)$|^\/node_modules\/(electron|kysely|zod|react|vite|node)(\/|$)/.test(entry),
    );
    expect(leaked).toEqual([]);
  });

  it('keeps every script that runs inside app.asar: main, worker, preload, their chunks and better-sqlite3’s JavaScript', () => {
    const builtScripts = readdirSync(join(root, 'dist-main')).filter((file) => /\.(c?js)$/.test(file));
    expect(builtScripts).toEqual(expect.arrayContaining(['electron-main.js', 'worker.js', 'preload.cjs']));
    for (const file of [...builtScripts.map((name) => `dist-main/${name}`), 'node_modules/better-sqlite3/package.json', 'node_modules/better-sqlite3/lib/index.js']) {
      expect(asarEntries, file).toContain(`/${file}`);
      expect(statFile(archive, file), file).not.toHaveProperty('unpacked', true);
    }
    // The worker's own imports resolve inside the archive, beside it.
    const worker = extractFile(archive, 'dist-main/worker.js').toString('utf8');
    for (const [, chunk] of worker.matchAll(/from\s+["']\.\/([^"']+)["']/g)) {
      expect(asarEntries, chunk).toContain(`/dist-main/${chunk}`);
    }
  });

  it('unpacks better-sqlite3’s native binary for this machine, and nothing else', () => {
    const unpacked = join(appOutDir, 'resources', 'app.asar.unpacked');
    const native = `node_modules/better-sqlite3/prebuilds/${process.platform}-${process.arch}.node`;
    const files = filesUnder(unpacked);
    expect(files).toContain(native);
    // linux's glibc build and its musl twin (linuxmusl-x64) are both kept; nothing but binaries.
    for (const file of files) {
      expect(file).toMatch(new RegExp(`^node_modules/better-sqlite3/prebuilds/${process.platform}[a-z]*-${process.arch}\\.node$`));
      expect(statFile(archive, file), file).toHaveProperty('unpacked', true);
    }
  });

  it('starts the core’s worker from app.asar, where it is, not from app.asar.unpacked', () => {
    const mainScripts = readdirSync(join(root, 'dist-main'))
      .filter((file) => file.endsWith('.js'))
      .map((file) => readFileSync(join(root, 'dist-main', file), 'utf8'));
    expect(mainScripts.some((source) => source.includes('worker.js'))).toBe(true);
    expect(mainScripts.filter((source) => source.includes('app.asar.unpacked'))).toEqual([]);
  });

  it('ships a preload that requires nothing but electron, as a sandboxed preload must', () => {
    const preload = readFileSync(join(root, 'dist-main', 'preload.cjs'), 'utf8');
    const required = [...preload.matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((match) => match[1]);
    expect(required).toEqual(['electron']);
    expect(preload).not.toMatch(/^\s*(import|export)\s/m);
  });
});
