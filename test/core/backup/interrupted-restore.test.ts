import { copyFileSync, existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { integrityOf, openBackupCore, type BackupCore } from './backup-core.ts';

let app: BackupCore;
afterEach(async () => app?.remove());

describe('a restore that was cut off, found at the next start', () => {
  it('removes a half-written replacement and keeps the data', async () => {
    app = await openBackupCore();
    await app.contact('Ada');
    await app.close();
    const file = join(app.data.dir, 'ambassador.sqlite');
    writeFileSync(`${file}.restoring`, 'half a copy');
    writeFileSync(`${file}.restoring-journal`, 'its journal');
    app = await app.reopen();
    expect(await app.names()).toEqual(['Ada']);
    expect(readdirSync(app.data.dir).filter((name) => name.startsWith('ambassador.sqlite.'))).toEqual([]);
  });

  it('puts the previous data back when the new file was in place but the restore had not finished', async () => {
    app = await openBackupCore();
    await app.contact('Ada');
    const backup = await app.create();
    await app.contact('Grace');
    await app.close();
    const file = join(app.data.dir, 'ambassador.sqlite');
    // What a kill between the swap and its last step leaves: the new file in place, the old one as .previous.
    copyFileSync(file, `${file}.previous`);
    copyFileSync(backup.path, file);
    app = await app.reopen();
    expect(await app.names()).toEqual(['Ada', 'Grace']);
    expect(existsSync(`${file}.previous`)).toBe(false);
    expect(integrityOf(file)).toBe('ok');
  });
});
