import { Button } from '../../ui/Button.tsx';
import { plural } from '../backup/backup-words.ts';
import { useImport } from './import.store.ts';
import { undoneWords } from './imports.store.ts';

/** Past this many, the table stops (the counts above still add up). */
const rowsShown = 500;

/** What became of every row: the counts, then each skipped or merged row with its line and reason. */
export function ImportReportView() {
  const report = useImport((state) => state.report);
  const undone = useImport((state) => state.undone);
  const problem = useImport((state) => state.problem);
  if (!report) return null;
  const notable = report.rows.filter((row) => row.outcome !== 'created');
  return (
    <div className="import-report" role="region" aria-labelledby="import-report-heading">
      <h3 id="import-report-heading">{`Imported ${report.file.split(/[\\/]/).pop()}`}</h3>
      <ul className="report-counts">
        <li>{`Created ${report.created.toLocaleString()}`}</li>
        <li>{`Merged ${report.merged.toLocaleString()}`}</li>
        <li>{`Skipped ${report.skipped.toLocaleString()}`}</li>
      </ul>
      <p className="muted">
        {`${report.total.toLocaleString()} ${report.format === 'vcard' ? 'cards' : 'rows'} read`}
        {report.photosSkipped > 0 && ` · ${plural(report.photosSkipped, 'photo')} left out`}
        {report.blankLines > 0 && ` · ${plural(report.blankLines, 'blank line')} passed over`}
      </p>
      {problem && (
        <div className="error-banner" role="alert">
          <p>{problem}</p>
        </div>
      )}
      {undone ? (
        <p role="status">{`Import undone: ${undoneWords(undone.removed, undone.restored)}.`}</p>
      ) : (
        <div className="toolbar">
          <Button onClick={() => void useImport.getState().undo()}>Undo import</Button>
        </div>
      )}
      {notable.length > 0 && (
        <div className="table-scroll">
          <table className="data-table">
            <caption className="visually-hidden">Rows skipped or merged</caption>
            <thead>
              <tr>
                <th scope="col">Line</th>
                <th scope="col">Name</th>
                <th scope="col">What happened</th>
                <th scope="col">Why</th>
              </tr>
            </thead>
            <tbody>
              {notable.slice(0, rowsShown).map((row) => (
                <tr key={row.line}>
                  <td>{row.line}</td>
                  <td>{row.name}</td>
                  <td>{row.outcome === 'merged' ? 'Merged' : 'Skipped'}</td>
                  <td>{row.reason ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {notable.length > rowsShown && <p className="muted">{`${(notable.length - rowsShown).toLocaleString()} more not shown.`}</p>}
        </div>
      )}
    </div>
  );
}
