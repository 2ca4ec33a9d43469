import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync } from 'node:zlib';
import { untar } from './tar.ts';

/** A browser to launch and the environment it needs (undefined: the test runner's own). */
export type Browser = { executablePath: string; env?: Record<string, string | undefined> };

type BundledPackage = { bin: string; name: string; version: string };

/** The cache npm tools share: `npm ci` empties it along with node_modules. */
export const projectCache = fileURLToPath(new URL('../../node_modules/.cache/', import.meta.url));

/** The headless Chromium that `npm install` brings (a devDependency), if it is installed. */
export function bundledPackage(): BundledPackage | undefined {
  let entry: string;
  try {
    entry = createRequire(import.meta.url).resolve('@sparticuz/chromium');
  } catch {
    return undefined;
  }
  const root = join(dirname(entry), '..');
  const { name, version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name: string; version: string };
  return { bin: join(root, 'bin'), name, version };
}

/**
 * Unpacks the bundled Chromium once into `<cacheRoot>/<name>-<version>/` and
 * returns that folder. Everything is written into a temporary folder beside it
 * and renamed into place in one step, so the folder only ever exists complete:
 * a second process unpacking at the same time loses the rename and uses the
 * winner's copy. (The package's own `executablePath()` unpacks into a fixed
 * /tmp folder that processes race on.)
 */
export function unpackBundledChromium(cacheRoot: string, pkg: BundledPackage): string {
  const folderName = `${pkg.name.replace(/^@/, '').replace('/', '-')}-${pkg.version}`;
  const folder = join(cacheRoot, folderName);
  if (existsSync(folder)) return folder;
  mkdirSync(cacheRoot, { recursive: true });
  const temporary = mkdtempSync(join(cacheRoot, `.${folderName}-`));
  try {
    for (const file of readdirSync(pkg.bin)) {
      const packed = readFileSync(join(pkg.bin, file));
      if (file.endsWith('.tar.br')) untar(brotliDecompressSync(packed), temporary);
      else if (file.endsWith('.br')) writeFileSync(join(temporary, file.slice(0, -'.br'.length)), brotliDecompressSync(packed));
    }
    chmodSync(join(temporary, 'chromium'), 0o755);
    writeFileSync(join(temporary, 'fonts.conf'), fontsConf(folder));
    chmodSync(temporary, 0o755);
    renameSync(temporary, folder);
  } catch (error) {
    rmSync(temporary, { recursive: true, force: true });
    if (existsSync(folder)) return folder;
    throw error;
  }
  return folder;
}

/**
 * The package's own fonts.conf only looks in Lambda's folders. Without a font
 * Chromium renders text at zero size, so list the system's fonts (when there
 * are any) and the bundled ones.
 */
function fontsConf(folder: string): string {
  const xml = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
  return `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<!-- Written by test/browser/bundled-chromium.ts: the system's fonts, if any, and the bundled ones. -->
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <dir>${xml(join(folder, 'fonts'))}</dir>
  <cachedir>${xml(join(folder, 'fontconfig-cache'))}</cachedir>
</fontconfig>
`;
}

function startProblem(executablePath: string, env: Record<string, string | undefined>): string | undefined {
  const run = spawnSync(executablePath, ['--version'], { env, encoding: 'utf8', timeout: 30_000 });
  if (run.status === 0) return undefined;
  return (run.error?.message ?? run.stderr.trim().split('\n')[0]) || `exit code ${run.status}`;
}

/**
 * The bundled Chromium, unpacked and ready to launch. Its libraries (NSS and
 * friends) go on LD_LIBRARY_PATH only when it does not start with the
 * system's, so a machine that has them keeps using its own.
 */
export function bundledChromium(cacheRoot: string, pkg: BundledPackage): Browser {
  const folder = unpackBundledChromium(cacheRoot, pkg);
  const executablePath = join(folder, 'chromium');
  const env = { ...process.env, FONTCONFIG_FILE: join(folder, 'fonts.conf') };
  if (startProblem(executablePath, env) === undefined) return { executablePath, env };
  const withLibraries = { ...env, LD_LIBRARY_PATH: [join(folder, 'lib'), process.env.LD_LIBRARY_PATH].filter(Boolean).join(':') };
  const problem = startProblem(executablePath, withLibraries);
  if (problem === undefined) return { executablePath, env: withLibraries };
  throw new Error(
    `The Chromium from ${pkg.name} ${pkg.version} (${executablePath}) does not start here: ${problem}. ` +
      'Install Chromium (Debian/Ubuntu: apt-get install -y chromium; elsewhere: npx playwright install chromium) ' +
      'or set AMBASSADOR_BROWSER to a Chrome or Chromium executable.',
  );
}
