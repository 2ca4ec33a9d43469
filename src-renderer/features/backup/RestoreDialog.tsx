import { useEffect, useRef } from 'react';
import type { RestorePreview } from '../../../shared/backup/backup.schemas.ts';
import { Button } from '../../ui/Button.tsx';
import { countParts, formatMoment, formatSize } from './backup-words.ts';
import { ProgressBar } from './ProgressBar.tsx';
import { useRestore } from './restore.store.ts';
import { keepFocusInside } from '../../ui/keep-focus-inside.ts';

/**
 * What restoring a file would bring back, before anything is replaced: when it was
 * made, by which version, its counts beside today's. Bad files are refused here, in
 * the core's words.
 */
export function RestoreDialog() {
  const step = useRestore((state) => state.step);
  const file = useRestore((state) => state.file);
  const preview = useRestore((state) => state.preview);
  const problem = useRestore((state) => state.problem);
  const progress = useRestore((state) => state.progress);
  const dialog = useRef<HTMLDivElement>(null);
  const open = step !== 'closed';

  useEffect(() => {
    if (!open) return;
    // Focus comes back to whatever opened the dialog (Restore from file, a backup's Restore).
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.current?.focus();
    return () => opener?.focus();
  }, [open]);

  if (!open) return null;
  const cancel = () => useRestore.getState().cancel();
  return (
    <div className="dialog-backdrop">
      <div
        ref={dialog}
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="restore-title"
        tabIndex={-1}
        onKeyDown={(event) => {
          if (event.key === 'Escape') cancel();
          if (event.key === 'Tab' && dialog.current) keepFocusInside(dialog.current, event);
        }}
      >
        <h2 id="restore-title">{preview || step !== 'preview' ? 'Restore this backup?' : 'This file cannot be restored'}</h2>
        {file && <p className="dialog-file">{file.name}</p>}
        {step === 'checking' && <p className="loading">Checking the file…</p>}
        {problem && (
          <div className="error-banner" role="alert">
            <p>{problem}</p>
          </div>
        )}
        {preview && <PreviewDetails preview={preview} />}
        {step === 'restoring' && <ProgressBar label="Restoring" progress={progress} />}
        <div className="dialog-actions">
          {preview && (
            <Button variant="primary" onClick={() => void useRestore.getState().confirm()} disabled={step !== 'preview'} aria-busy={step === 'restoring' || undefined}>
              Restore
            </Button>
          )}
          <Button onClick={cancel} disabled={step === 'restoring'}>
            {preview || step === 'checking' ? 'Cancel' : 'Close'}
          </Button>
        </div>
      </div>
    </div>
  );
}

function PreviewDetails({ preview }: { preview: RestorePreview }) {
  const { manifest } = preview;
  return (
    <>
      <p>{`Made ${formatMoment(manifest.createdAt)} by Ambassador ${manifest.appVersion} · ${formatSize(preview.sizeBytes)}`}</p>
      {preview.needsUpdate && <p className="dialog-note">It was made by an older Ambassador: it will be updated to this version after restoring.</p>}
      <table className="data-table compare-table">
        <thead>
          <tr>
            <th scope="col">
              <span className="visually-hidden">What</span>
            </th>
            <th scope="col">In the backup</th>
            <th scope="col">Now</th>
          </tr>
        </thead>
        <tbody>
          {countParts.map(({ key, one, many }) => (
            <tr key={key}>
              <th scope="row">{(many ?? `${one}s`).replace(/^./, (first) => first.toUpperCase())}</th>
              <td>{manifest.counts[key].toLocaleString()}</td>
              <td>{preview.current[key].toLocaleString()}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="dialog-note">
        Restoring replaces everything in Ambassador with this backup. Your current data is saved first, and Undo restore brings it back.
      </p>
    </>
  );
}
