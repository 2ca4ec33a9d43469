import { useEffect, useState } from 'react';
import type { BackupStatus } from '../../../shared/backup/backup.schemas.ts';
import { Button } from '../../ui/Button.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { BackupList } from './BackupList.tsx';
import { useBackupRun } from './backup-run.store.ts';
import { useBackupStatus } from './backup-status.store.ts';
import { whenWords } from './backup-words.ts';
import { ProgressBar } from './ProgressBar.tsx';
import { setBackupFolder, undoRestore, useRestore } from './restore.store.ts';

const baseName = (path: string) => path.split(/[\\/]/).pop() ?? path;

/** Last backup, Back up now, Restore from file, the backups folder and what is in it. */
export function BackupSection() {
  const status = useBackupStatus((state) => state.status);
  const error = useBackupStatus((state) => state.error);
  const running = useBackupRun((state) => state.running);
  const progress = useBackupRun((state) => state.progress);
  const problem = useBackupRun((state) => state.problem);
  const restoring = useRestore((state) => state.step !== 'closed');

  return (
    <section className="panel">
      <h2>Backups</h2>
      {error && (
        <div className="error-banner" role="alert">
          <p>{error}</p>
          <Button onClick={() => void useBackupStatus.getState().refresh()}>Try again</Button>
        </div>
      )}
      {status === null && !error && <p className="loading">Loading backups…</p>}
      {status && <BackupState status={status} />}
      <div className="toolbar">
        <Button variant="primary" onClick={() => void useBackupRun.getState().backUpNow()} disabled={running} aria-busy={running || undefined}>
          Back up now
        </Button>
        <Button onClick={() => void useRestore.getState().chooseFile()} disabled={restoring}>
          Restore from file
        </Button>
      </div>
      {running && <ProgressBar label="Backing up" progress={progress} />}
      {problem && (
        <div className="error-banner" role="alert">
          <p>{`The backup was not made: ${problem}`}</p>
        </div>
      )}
      {status && <FolderField status={status} />}
      {status && <BackupList backups={status.backups} />}
    </section>
  );
}

function BackupState({ status }: { status: BackupStatus }) {
  const { lastSuccess, lastFailure, warning, undo } = status;
  const failedSince = lastFailure && (!lastSuccess || lastFailure.at > lastSuccess.at);
  return (
    <>
      {warning && (
        <div className="notice notice-warning" role="alert">
          <p>{warning}</p>
        </div>
      )}
      {undo && (
        <div className="notice" role="status">
          <p>
            {`You restored ${baseName(undo.restoredFrom)} ${whenWords(undo.restoredAt)}. The data you had before is kept in ${baseName(undo.safetyBackup)}.`}
          </p>
          <Button onClick={() => void undoRestore()}>Undo restore</Button>
        </div>
      )}
      <p className="backup-last">{lastSuccess ? `Last backup: ${whenWords(lastSuccess.at)} — ${lastSuccess.fileName}` : 'No backup yet'}</p>
      {failedSince && <p className="backup-failed">{`The last backup failed ${whenWords(lastFailure.at)}: ${lastFailure.message}`}</p>}
    </>
  );
}

/** Where backups go: the default inside the data folder, or one the user typed (a USB stick, a synced folder). */
function FolderField({ status }: { status: BackupStatus }) {
  const [folder, setFolder] = useState(status.folder);
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  useEffect(() => setFolder(status.folder), [status.folder]);

  const use = async (chosen: string | null) => {
    setSaving(true);
    setProblem(await setBackupFolder(chosen));
    setSaving(false);
  };

  const hint = !status.folderReachable
    ? 'Ambassador cannot reach this folder. Connect the drive, or choose another folder.'
    : status.folderIsDefault
      ? 'The default, inside Ambassador’s data folder. Choose a folder on another drive to keep a copy off this computer.'
      : 'Automatic backups go here every day and when you quit.';
  return (
    <form
      className="folder-row"
      onSubmit={(event) => {
        event.preventDefault();
        void use(folder);
      }}
    >
      <TextField label="Backups folder" value={folder} onChange={setFolder} error={problem ?? undefined} hint={hint} spellCheck={false} />
      <div className="folder-actions">
        <Button type="submit" disabled={saving || folder.trim() === '' || folder === status.folder}>
          Use this folder
        </Button>
        <Button onClick={() => void use(null)} disabled={saving || status.folderIsDefault}>
          Use the default folder
        </Button>
      </div>
    </form>
  );
}
