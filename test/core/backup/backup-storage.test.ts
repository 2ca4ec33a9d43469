import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDataDir } from '../../helpers/temp-data-dir.ts';
import { failure, fillDatabase, openBackupCore, type BackupCore } from './backup-core.ts';
import { canMount, freezeFolder, smallDisk } from './small-disk.ts';

// These need `mount` (the CI runs as root, where it works); without it they skip.
// A chmod'ed folder would not do instead: root writes through any permission.
const mountable = canMount();

let app: BackupCore | undefined;
const cleanups: Array<() => void> = [];
afterEach(async () => {
  await app?.close();
  app = undefined;
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

function outside() {
  const temp = makeTempDataDir('ambassador-storage-');
  cleanups.push(temp.remove);
  return temp.dir;
}

function disk(size: string) {
  const mounted = smallDisk(outside(), size);
  cleanups.push(mounted.unmount);
  return mounted;
}

describe.skipIf(!mountable)('fault: full disk', () => {
  it('a backup that does not fit says so, leaves no file, and the data goes on', async () => {
    const dataDir = outside();
    await fillDatabase(dataDir, 3);
    app = await openBackupCore({}, { dir: dataDir, remove: () => undefined });
    await app.contact('Ada');
    const small = disk('1m');
    await app.call('backup.setFolder', { folder: small.path });

    const refused = failure(await app.core.dispatch('backup.create', {}));
    expect(refused).toMatchObject({ code: 'STORAGE', message: expect.stringMatching(new RegExp(`The disk that holds ${small.path} is full`)) });
    expect(readdirSync(small.path)).toEqual([]);
    expect((await app.status()).lastFailure?.message).toBe(refused.message);
    expect(await app.names()).toEqual(['Ada']);
    await app.contact('Grace');
  });

  it('a restore that does not fit beside the data says so and changes nothing', async () => {
    const small = disk('3m');
    const dataDir = join(small.path, 'data');
    app = await openBackupCore({}, { dir: dataDir, remove: () => undefined });
    await app.contact('Ada');
    const elsewhere = outside();
    // A backup bigger than the room left on the data's disk.
    await fillDatabase(elsewhere, 2);
    const other = await openBackupCore({}, { dir: elsewhere, remove: () => undefined });
    const big = await other.create(join(elsewhere, 'big.ambassador'));
    await other.close();
    writeFileSync(join(small.path, 'filler'), Buffer.alloc(1024 * 1024));

    const refused = failure(await app.core.dispatch('backup.restore', { file: big.path }));
    expect(refused).toMatchObject({ code: 'STORAGE', message: expect.stringMatching(/the disk is full.*Your data is unchanged/) });
    expect(await app.names()).toEqual(['Ada']);
    expect(readdirSync(dataDir).filter((name) => name.startsWith('ambassador.sqlite.'))).toEqual([]);
    rmSync(join(small.path, 'filler'));
    await app.contact('Grace');
  });
});

describe.skipIf(!mountable)('fault: read-only data folder / backups folder', () => {
  it('a backups folder that turned read-only: Back up now says so and still makes a backup in the default folder', async () => {
    app = await openBackupCore();
    cleanups.push(app.data.remove);
    await app.contact('Ada');
    const stick = disk('4m');
    await app.call('backup.setFolder', { folder: stick.path });
    stick.readOnly();

    const status = await app.status();
    expect(status).toMatchObject({ folderReachable: false, warning: expect.stringContaining(`${stick.path} cannot be reached (the disk is read-only)`) });
    const made = await app.create();
    expect(made.path.startsWith(join(app.data.dir, 'backups'))).toBe(true);
    expect((await app.status()).lastFailure?.message).toContain(`${stick.path} could not be reached (the disk is read-only)`);
    expect(failure(await app.core.dispatch('backup.setFolder', { folder: stick.path }))).toMatchObject({
      code: 'VALIDATION',
      message: `Ambassador cannot keep backups in ${stick.path}: the disk is read-only. Choose another folder.`,
    });
  });

  it('a read-only data folder: a restore says so and changes nothing, and backups to a writable folder still work', async () => {
    const dataDir = outside();
    app = await openBackupCore({}, { dir: dataDir, remove: () => undefined });
    await app.contact('Ada');
    const backup = await app.create(outside());
    const elsewhere = outside();
    await app.call('backup.setFolder', { folder: elsewhere });
    cleanups.push(freezeFolder(dataDir));

    const refused = failure(await app.core.dispatch('backup.restore', { file: backup.path }));
    expect(refused).toMatchObject({ code: 'STORAGE', message: expect.stringMatching(/read-only.*Your data is unchanged/) });
    expect(await app.names()).toEqual(['Ada']);
    expect((await app.create()).path.startsWith(elsewhere)).toBe(true);
  });
});
