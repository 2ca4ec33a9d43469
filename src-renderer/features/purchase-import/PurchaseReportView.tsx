import { Button } from '../../ui/Button.tsx';
import { plural } from '../backup/backup-words.ts';
import { usePurchaseImport } from './purchase-import.store.ts';
import { purchaseUndoneWords } from './purchase-imports.store.ts';
import { fileNameOf, reasonBesideLine } from './purchase-import-words.ts';

/** What became of every row: the counts, then each skipped row with its line and reason, and each row that made a contact. */
export function PurchaseReportView() {
  const report = usePurchaseImport((state) => state.report);
  const undone = usePurchaseImport((state) => state.undone);
  const problem = usePurchaseImport((state) => state.problem);
  const chosenName = usePurchaseImport((state) => state.file?.name);
  if (!report) return null;
  const notable = report.rows.filter((row) => row.outcome === 'skipped' || row.matchedBy === 'new');
  return (
    <div className="import-report" role="region" aria-labelledby="purchase-import-report-heading">
      <h3 id="purchase-import-report-heading">{`Imported purchases from ${chosenName ?? fileNameOf(report.file)}`}</h3>
      <ul className="report-counts">
        <li>{`Imported ${report.imported.toLocaleString()}`}</li>
        <li>{`Matched ${report.matched.toLocaleString()}`}</li>
        <li>{`Created ${plural(report.createdContacts, 'contact')}`}</li>
        <li>{`Skipped ${report.skipped.toLocaleString()}`}</li>
        {report.plansStarted > 0 && <li>{`Plans started ${report.plansStarted.toLocaleString()}`}</li>}
      </ul>
      <p className="muted">
        {`${plural(report.total, 'row')} read`}
        {report.blankLines > 0 && ` · ${plural(report.blankLines, 'blank line')} passed over`}
      </p>
      {problem && (
        <div className="error-banner" role="alert">
          <p>{problem}</p>
        </div>
      )}
      {undone ? (
        <p role="status">{`Purchase import undone: ${purchaseUndoneWords(undone)}.`}</p>
      ) : (
        <div className="toolbar">
          <Button onClick={() => void usePurchaseImport.getState().undo()}>Undo purchase import</Button>
        </div>
      )}
      {notable.length > 0 && (
        <div className="table-scroll" tabIndex={0} role="region" aria-label="Rows skipped, and rows that created contacts">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">Line</th>
                <th scope="col">What happened</th>
                <th scope="col">Why</th>
              </tr>
            </thead>
            <tbody>
              {notable.map((row) => (
                <tr key={row.line}>
                  <td>{row.line}</td>
                  <td>{row.outcome === 'skipped' ? 'Skipped' : 'Imported, new contact created'}</td>
                  <td>{reasonBesideLine(row.reason)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
