import { Button } from '../../ui/Button.tsx';
import { formatMoment } from '../backup/backup-words.ts';
import { uniqueNames } from '../followups/unique-names.ts';
import { useImport } from './import.store.ts';
import { undoImportBatch, useImports } from './imports.store.ts';
import { ImportPreviewView } from './ImportPreviewView.tsx';
import { ImportReportView } from './ImportReportView.tsx';

/** Import contacts from CSV or vCard, and the recent imports with their own undo. */
export function ImportSection() {
  const step = useImport((state) => state.step);
  const problem = useImport((state) => state.problem);
  const preview = useImport((state) => state.preview);
  return (
    <section className="panel">
      <h2>Import</h2>
      <p className="panel-text">Bring contacts in from a CSV file (Google Contacts, Outlook, a spreadsheet) or vCards. You see them before anything is saved.</p>
      <div className="toolbar">
        <Button variant={step === 'closed' ? 'primary' : 'secondary'} onClick={() => void useImport.getState().choose()} disabled={step === 'importing' || step === 'reading'}>
          Import contacts
        </Button>
        {step !== 'closed' && step !== 'importing' && (
          <Button variant="quiet" onClick={() => useImport.getState().close()}>
            {step === 'report' ? 'Done' : 'Cancel this import'}
          </Button>
        )}
      </div>
      {step === 'reading' && <p className="loading">Reading the file…</p>}
      {problem && !preview && (
        <div className="error-banner" role="alert">
          <p>{problem}</p>
        </div>
      )}
      {(step === 'preview' || step === 'importing') && preview && <ImportPreviewView preview={preview} />}
      {step === 'report' && <ImportReportView />}
      <RecentImports />
    </section>
  );
}

function RecentImports() {
  const batches = useImports((state) => state.batches);
  const error = useImports((state) => state.error);
  if (error) return <p className="backup-failed">{`Recent imports could not be loaded: ${error}`}</p>;
  const reported = useImport((state) => (state.step === 'report' ? state.report?.batchId : undefined));
  if (!batches || batches.length === 0) return null;
  // One control is named exactly "Undo import": the report's while it shows (its batch has
  // no second button here), else the newest import's here; the others say which import.
  const names = uniqueNames(batches.map((batch) => ({ base: `Undo ${batch.fileName}, imported ${formatMoment(batch.importedAt)}`, detail: batch.batchId })));
  const newestUndoable = reported === undefined ? batches.find((batch) => !batch.undoneAt)?.batchId : undefined;
  return (
    <div className="recent-imports">
      <h3>Recent imports</h3>
      <ul>
        {batches.map((batch, index) => (
          <li key={batch.batchId}>
            <span>
              <strong>{batch.fileName}</strong> {/* Numbers first: "Created 120" belongs to the report alone, so a lookup by that text finds one. */}
              {`· ${formatMoment(batch.importedAt)} · ${batch.created.toLocaleString()} new, ${batch.merged.toLocaleString()} merged, ${batch.skipped.toLocaleString()} skipped`}
            </span>
            {batch.undoneAt ? (
              <span className="muted">{`Undone ${formatMoment(batch.undoneAt)}`}</span>
            ) : batch.batchId === reported ? (
              <span className="muted">Its report is above</span>
            ) : batch.batchId === newestUndoable ? (
              <Button variant="quiet" onClick={() => void undoImportBatch(batch)}>
                Undo import
              </Button>
            ) : (
              <Button variant="quiet" aria-label={names[index]} onClick={() => void undoImportBatch(batch)}>
                Undo
              </Button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
