import type { PurchaseImportPreview } from '../../../shared/commerce/purchase-import.schemas.ts';
import { plural } from '../backup/backup-words.ts';
import { reasonBesideLine } from './purchase-import-words.ts';

/** How the rows will go: matched to contacts (and how), not contacts yet, and every row that will be skipped with why. */
export function PurchaseCounts({ preview }: { preview: PurchaseImportPreview }) {
  const { matched } = preview;
  return (
    <div className="import-block">
      <h3>What will happen</h3>
      <ul className="purchase-import-counts">
        <li>{`Matched by customer id: ${plural(matched.customerId, 'row')}`}</li>
        <li>{`Matched by email: ${plural(matched.email, 'row')}`}</li>
        <li>{`Matched by phone: ${plural(matched.phone, 'row')}`}</li>
        <li>{`Not in your contacts: ${plural(preview.unmatchedRows, 'row')} from ${plural(preview.unmatchedCustomers, 'customer')}`}</li>
        <li>{`Will be skipped: ${plural(preview.invalid.length, 'row')}`}</li>
      </ul>
      {preview.invalid.length > 0 && (
        // Every skipped row, however many: scrollable, and reachable by keyboard to scroll it.
        <div className="table-scroll" tabIndex={0} role="region" aria-label="Rows that will be skipped">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">Line</th>
                <th scope="col">Why</th>
              </tr>
            </thead>
            <tbody>
              {preview.invalid.map((row) => (
                <tr key={row.line}>
                  <td>{row.line}</td>
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
