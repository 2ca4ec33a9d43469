import type { PurchaseImportPreview } from '../../../shared/commerce/purchase-import.schemas.ts';
import { formatMoney } from '../../ui/money.ts';
import { usePurchaseImport } from './purchase-import.store.ts';
import { kindOfPurchaseWords, matchedByWords } from './purchase-import-words.ts';

/** The first rows as they will be saved: the date and amounts as read, and the contact each will go to. */
export function PurchaseSampleTable({ preview }: { preview: PurchaseImportPreview }) {
  const currency = usePurchaseImport((state) => state.currency);
  if (preview.sample.length === 0) return <p className="section-empty">The file has no rows to import.</p>;
  const money = (cents: number | null) => (cents === null ? '' : formatMoney(cents, currency));
  return (
    <div className="import-block">
      <h3>{`As they will be saved (first ${preview.sample.length.toLocaleString()})`}</h3>
      <div className="table-scroll">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Line</th>
              <th scope="col">Date</th>
              <th scope="col">Customer</th>
              <th scope="col">Matched by</th>
              <th scope="col">Kind</th>
              <th scope="col">Amount</th>
              <th scope="col">Discount</th>
              <th scope="col">Problem</th>
            </tr>
          </thead>
          <tbody>
            {preview.sample.map((row) => (
              <tr key={row.line} className={row.matchedBy ? undefined : 'row-skipped'}>
                <td>{row.line}</td>
                <td>{row.occurredOn ?? ''}</td>
                <td>{row.contactName && row.contactName !== row.customer ? `${row.customer} (${row.contactName})` : row.customer}</td>
                <td>{matchedByWords(row.matchedBy)}</td>
                <td>{kindOfPurchaseWords(row.kind)}</td>
                <td className="number">{money(row.grossCents)}</td>
                <td className="number">{row.discountCents ? money(row.discountCents) : ''}</td>
                <td>{row.problem ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
