import { useEffect } from 'react';
import { Button } from '../../ui/Button.tsx';
import { formatMoment, plural } from '../backup/backup-words.ts';
import { uniqueNames } from '../followups/unique-names.ts';
import { followPurchaseImports } from './follow-purchase-import.ts';
import { usePurchaseImport } from './purchase-import.store.ts';
import { undoPurchaseImportBatch, usePurchaseImports } from './purchase-imports.store.ts';
import { PurchasePreviewView } from './PurchasePreviewView.tsx';
import { PurchaseReportView } from './PurchaseReportView.tsx';

/** Import purchases from a till's or accounting package's export, and the recent purchase imports with their own undo. */
export function PurchaseImportSection() {
  const step = usePurchaseImport((state) => state.step);
  const problem = usePurchaseImport((state) => state.problem);
  const preview = usePurchaseImport((state) => state.preview);
  useEffect(() => followPurchaseImports(), []);
  return (
    <section className="panel">
      <h2>Import purchases</h2>
      <p className="panel-text">
        Bring sales and closed deals in from your till or accounting package (a CSV or text export). Each row finds its customer by customer id, email or phone. You see
        them before anything is saved.
      </p>
      <div className="toolbar">
        <Button
          variant={step === 'closed' ? 'primary' : 'secondary'}
          onClick={() => void usePurchaseImport.getState().choose()}
          disabled={step === 'importing' || step === 'reading'}
        >
          Import purchases
        </Button>
        {step !== 'closed' && step !== 'importing' && (
          <Button variant="quiet" onClick={() => usePurchaseImport.getState().close()}>
            {step === 'report' ? 'Done with this purchase import' : 'Cancel this purchase import'}
          </Button>
        )}
      </div>
      {step === 'reading' && <p className="loading">Reading the file…</p>}
      {problem && !preview && (
        <div className="error-banner" role="alert">
          <p>{problem}</p>
          <p>Export the purchases again as CSV or plain text (one purchase a row) and choose that file, or Cancel to leave it.</p>
        </div>
      )}
      {(step === 'preview' || step === 'importing') && preview && <PurchasePreviewView preview={preview} />}
      {step === 'report' && <PurchaseReportView />}
      <RecentPurchaseImports />
    </section>
  );
}

function RecentPurchaseImports() {
  const batches = usePurchaseImports((state) => state.batches);
  const error = usePurchaseImports((state) => state.error);
  const reported = usePurchaseImport((state) => (state.step === 'report' ? state.report?.batchId : undefined));
  if (error) return <p className="backup-failed">{`Recent purchase imports could not be loaded: ${error}`}</p>;
  if (!batches || batches.length === 0) return null;
  // One control is named exactly "Undo purchase import": the report's while it shows, else the
  // newest import's here; the others say which import, so each name finds one button.
  const names = uniqueNames(batches.map((batch) => ({ base: `Undo ${batch.fileName}, purchases imported ${formatMoment(batch.importedAt)}`, detail: batch.batchId })));
  const newestUndoable = reported === undefined ? batches.find((batch) => !batch.undoneAt)?.batchId : undefined;
  return (
    <div className="recent-imports">
      <h3>Recent purchase imports</h3>
      <ul>
        {batches.map((batch, index) => (
          <li key={batch.batchId}>
            <span>
              <strong>{batch.fileName}</strong>{' '}
              {/* Numbers first: "Imported 120" belongs to the report alone, so a lookup by that text finds one. */}
              {`· ${formatMoment(batch.importedAt)} · ${batch.imported.toLocaleString()} of ${batch.total.toLocaleString()} rows in, ${plural(batch.createdContacts, 'new contact')}, ${batch.skipped.toLocaleString()} skipped`}
            </span>
            {batch.undoneAt ? (
              <span className="muted">{`Undone ${formatMoment(batch.undoneAt)}`}</span>
            ) : batch.batchId === reported ? (
              <span className="muted">Its report is above</span>
            ) : batch.batchId === newestUndoable ? (
              <Button variant="quiet" onClick={() => void undoPurchaseImportBatch(batch)}>
                Undo purchase import
              </Button>
            ) : (
              <Button variant="quiet" aria-label={names[index]} onClick={() => void undoPurchaseImportBatch(batch)}>
                Undo
              </Button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
