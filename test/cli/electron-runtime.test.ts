import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findElectronExecutable, findElectronRuntime, hasGraphicalDisplay } from '../../src-main/cli/electron-runtime.ts';
import { makeTempDataDir } from '../helpers/temp-data-dir.ts';

const folders: { remove: () => void }[] = [];
afterEach(() => folders.splice(0).forEach((folder) => folder.remove()));

/** An app folder whose stand-in `electron` package answers `require('electron')` with `body`. */
function appWithElectron(body: string): string {
  const app = makeTempDataDir('ambassador-electron-probe-');
  folders.push(app);
  mkdirSync(join(app.dir, 'node_modules', 'electron'), { recursive: true });
  writeFileSync(join(app.dir, 'node_modules', 'electron', 'index.js'), body);
  writeFileSync(join(app.dir, 'binary'), '');
  return app.dir;
}

describe('the Electron runtime probe', () => {
  it('finds the binary the electron package points to', () => {
    const app = appWithElectron("module.exports = require('node:path').join(__dirname, '..', '..', 'binary');");
    expect(findElectronExecutable(app)).toBe(join(app, 'binary'));
    expect(findElectronRuntime(app, { DISPLAY: ':0' })).toEqual({ available: true, executable: join(app, 'binary') });
  });

  it('reports no runtime when the package fails or points to a missing file', () => {
    const failing = appWithElectron("throw new Error('Electron failed to install correctly');");
    expect(findElectronExecutable(failing)).toBeUndefined();
    expect(findElectronExecutable(appWithElectron("module.exports = '/no/such/electron';"))).toBeUndefined();
    const runtime = findElectronRuntime(failing, { DISPLAY: ':0' });
    expect(runtime.available).toBe(false);
    expect(!runtime.available && runtime.reason).toMatch(/^Electron’s runtime is not available on this machine/);
  });

  it.runIf(process.platform === 'linux')('on Linux, needs an X or Wayland display', () => {
    expect(hasGraphicalDisplay({})).toBe(false);
    expect(hasGraphicalDisplay({ DISPLAY: '' })).toBe(false);
    expect(hasGraphicalDisplay({ DISPLAY: ':0' })).toBe(true);
    expect(hasGraphicalDisplay({ WAYLAND_DISPLAY: 'wayland-0' })).toBe(true);
    const app = appWithElectron("module.exports = require('node:path').join(__dirname, '..', '..', 'binary');");
    expect(findElectronRuntime(app, {})).toEqual({
      available: false,
      reason: 'there is no graphical display to open a window on (DISPLAY is not set)',
    });
  });
});
