import type { BackupFile } from '../../../shared/backup/backup.schemas.ts';
import { Button } from '../../ui/Button.tsx';
import { uniqueNames } from '../followups/unique-names.ts';
import { countsWords, formatMoment, formatSize, reasonWords } from './backup-words.ts';
import { useRestore } from './restore.store.ts';

/** The backups in the folder, newest first, each one Restore away (after its preview). */
export function BackupList({ backups }: { backups: BackupFile[] }) {
  const busy = useRestore((state) => state.step !== 'closed');
  if (backups.length === 0) return <p className="section-empty">No backups in this folder yet.</p>;
  const names = uniqueNames(backups.map((backup) => ({ base: `Restore backup of ${formatMoment(backup.manifest.createdAt)}`, detail: backup.fileName })));
  return (
    <table className="data-table">
      <caption className="visually-hidden">Backups in the folder</caption>
      <thead>
        <tr>
          <th scope="col">Made</th>
          <th scope="col">How</th>
          <th scope="col">Size</th>
          <th scope="col">Holds</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {backups.map((backup, index) => (
          <tr key={backup.path}>
            <th scope="row" title={backup.fileName}>
              {formatMoment(backup.manifest.createdAt)}
            </th>
            <td>{reasonWords[backup.manifest.reason]}</td>
            <td>{formatSize(backup.sizeBytes)}</td>
            <td>{countsWords(backup.manifest.counts)}</td>
            <td>
              <Button variant="quiet" aria-label={names[index]} disabled={busy} onClick={() => void useRestore.getState().inspect({ path: backup.path, name: backup.fileName })}>
                Restore…
              </Button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
