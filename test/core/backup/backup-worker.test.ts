import { describe, expect, it } from 'vitest';
import type { BackupStatus } from '../../../shared/backup/backup.schemas.ts';
import { startCoreWorker } from '../../../src-main/core/worker-client.ts';
import { makeTempDataDir } from '../../helpers/temp-data-dir.ts';

describe('automatic backups in the worker thread the hosts start', () => {
  it('are on when the host asks (automaticBackups), and the first one is made at start', async () => {
    const data = makeTempDataDir('ambassador-backup-worker-');
    const core = await startCoreWorker({ dataDir: data.dir, automaticBackups: true });
    try {
      let status: BackupStatus | undefined;
      // Made in the background right after start: asked until it is there.
      for (let attempt = 0; attempt < 200 && !status?.lastSuccess; attempt += 1) {
        const answer = await core.dispatch('backup.status', {});
        if (!answer.ok) throw new Error(answer.error.message);
        status = answer.value as BackupStatus;
        if (!status.lastSuccess) await new Promise((resolve) => setTimeout(resolve, 25));
      }
      expect(status?.backups).toMatchObject([{ manifest: { reason: 'automatic' } }]);
    } finally {
      await core.close();
      data.remove();
    }
  });
});
