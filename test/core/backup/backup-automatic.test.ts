import { mkdirSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDataDir } from '../../helpers/temp-data-dir.ts';
import { at, openBackupCore, type BackupCore } from './backup-core.ts';

let app: BackupCore;
afterEach(async () => app?.remove());

const hour = 3_600_000;
const day = 24 * hour;

async function moveClock(app: BackupCore, to: number): Promise<void> {
  app.clock.set(to);
  await app.core.backgroundSettled();
}

const files = (folder: string) => readdirSync(folder).filter((name) => name.endsWith('.ambassador')).sort();

describe('automatic backups', () => {
  it('are off unless the host asks for them', async () => {
    app = await openBackupCore();
    await app.contact('Ada');
    await app.core.backgroundSettled();
    await moveClock(app, at('2026-12-05'));
    expect((await app.status()).backups).toEqual([]);
  });

  it('make one when there was none in the last 24 hours, checked as the clock moves', async () => {
    app = await openBackupCore({ automaticBackups: true });
    await app.core.backgroundSettled();
    const folder = join(app.data.dir, 'backups');
    expect(files(folder)).toEqual(['Ambassador-2026-12-02-0930.ambassador']);
    expect((await app.status()).backups[0]!.manifest.reason).toBe('automatic');

    await moveClock(app, at('2026-12-02', '09:30') + 23 * hour);
    expect(files(folder)).toHaveLength(1);
    await moveClock(app, at('2026-12-02', '09:30') + day);
    expect(files(folder)).toEqual(['Ambassador-2026-12-02-0930.ambassador', 'Ambassador-2026-12-03-0930.ambassador']);
    expect((await app.status()).lastSuccess?.fileName).toBe('Ambassador-2026-12-03-0930.ambassador');
  });

  it('make one when the core closes after a change, and none when nothing changed', async () => {
    app = await openBackupCore({ automaticBackups: true });
    await app.core.backgroundSettled();
    const atStart = (await app.status()).lastSuccess!;
    await app.contact('Ada');
    app = await app.reopen();
    const atClose = (await app.status()).lastSuccess!;
    expect(atClose.fileName).not.toBe(atStart.fileName);
    expect((await app.status()).backups[0]).toMatchObject({ fileName: atClose.fileName, manifest: { reason: 'automatic', counts: { contacts: 1 } } });

    // Reads change nothing.
    await app.names();
    app = await app.reopen();
    expect((await app.status()).lastSuccess).toEqual(atClose);

    // A backup made by hand counts as the last backup too.
    await app.contact('Grace');
    const byHand = await app.create();
    app = await app.reopen();
    expect((await app.status()).lastSuccess?.fileName).toBe(byHand.fileName);
  });

  it('go to the default folder when the chosen one cannot be reached, and say so', async () => {
    const stickDrive = makeTempDataDir('ambassador-usb-');
    const stick = join(stickDrive.dir, 'stick');
    mkdirSync(stick);
    app = await openBackupCore({ automaticBackups: true });
    await app.call('backup.setFolder', { folder: stick });
    await moveClock(app, at('2026-12-03', '10:00'));
    expect(files(stick)).toEqual(['Ambassador-2026-12-03-1000.ambassador']);

    stickDrive.remove();
    await moveClock(app, at('2026-12-04', '10:00'));
    expect(files(join(app.data.dir, 'backups'))).toContain('Ambassador-2026-12-04-1000.ambassador');
    const status = await app.status();
    expect(status).toMatchObject({
      folder: stick,
      folderReachable: false,
      lastSuccess: { fileName: 'Ambassador-2026-12-04-1000.ambassador' },
      lastFailure: { message: expect.stringContaining(`${stick} could not be reached`) },
      warning: expect.stringContaining(`${stick} cannot be reached`),
    });
    expect(status.warning).toContain(join(app.data.dir, 'backups'));
    expect(status.backups.map((each) => each.fileName)).toContain('Ambassador-2026-12-04-1000.ambassador');
  });

  it('warn when the last automatic backup failed', async () => {
    app = await openBackupCore({ automaticBackups: true });
    await app.core.backgroundSettled();
    // The default folder's place is taken by a file: no backup can be written.
    const folder = join(app.data.dir, 'backups');
    rmSync(folder, { recursive: true });
    writeFileSync(folder, 'in the way');
    await moveClock(app, at('2026-12-03', '10:00'));
    const status = await app.status();
    expect(status.lastFailure?.message).toContain(folder);
    expect(status.warning).toContain(folder);
    rmSync(folder);
    // Once a backup works again, all is well.
    await moveClock(app, at('2026-12-03', '10:15'));
    expect((await app.status()).warning).toBeNull();
  });

  it('rotate the folder after each backup, touching only their own files', async () => {
    app = await openBackupCore({ automaticBackups: true });
    const folder = join(app.data.dir, 'backups');
    await app.core.backgroundSettled();
    writeFileSync(join(folder, 'my notes.txt'), 'keep me');
    writeFileSync(join(folder, 'Ambassador-2020-01-01-0000.ambassador'), 'a look-alike that is not a backup');
    // What a backup killed halfway leaves: cleared once it is an hour old; a fresh one may still be written.
    for (const name of ['Ambassador-2026-11-30-0930.ambassador.partial', 'Ambassador-2026-11-30-0930.ambassador.partial-journal', 'Ambassador-2026-12-11-0900.ambassador.partial']) {
      writeFileSync(join(folder, name), 'half');
    }
    const anHourAgo = new Date(Date.now() - 2 * hour);
    utimesSync(join(folder, 'Ambassador-2026-11-30-0930.ambassador.partial'), anHourAgo, anHourAgo);
    utimesSync(join(folder, 'Ambassador-2026-11-30-0930.ambassador.partial-journal'), anHourAgo, anHourAgo);
    // Back up now made this one: the user's own, never rotated away.
    const byHand = await app.create();
    // 2 December 2026 is a Wednesday; a backup each day until Friday the 11th.
    for (let date = 3; date <= 11; date += 1) await moveClock(app, at(`2026-12-${String(date).padStart(2, '0')}`, '09:30'));
    const left = readdirSync(folder).sort();
    expect(left).toEqual([
      'Ambassador-2020-01-01-0000.ambassador',
      byHand.fileName,
      ...[5, 6, 7, 8, 9, 10].map((date) => `Ambassador-2026-12-${String(date).padStart(2, '0')}-0930.ambassador`),
      'Ambassador-2026-12-11-0900.ambassador.partial',
      'Ambassador-2026-12-11-0930.ambassador',
      'my notes.txt',
    ]);
  });
});

describe('the status warning for a failed automatic backup', () => {
  it('names the failure and what to do, until a later backup succeeds', async () => {
    app = await openBackupCore();
    const made = await app.create();
    writeFileSync(
      join(app.data.dir, 'backups.json'),
      JSON.stringify({ folder: null, lastSuccess: { at: made.manifest.createdAt, fileName: made.fileName, path: made.path }, lastFailure: { at: new Date(at('2026-12-02', '10:00')).toISOString(), message: 'The disk is full.', automatic: true }, undo: null }),
    );
    expect((await app.status()).warning).toBe('The last automatic backup failed: The disk is full. Make one with Back up now, or choose another backups folder.');
  });
});
