import { useEffect } from 'react';
import { hrefFor } from '../../app/navigation.store.ts';
import { Button } from '../../ui/Button.tsx';
import { formatCurrency } from './currency-format.ts';
import type { ProfitSort } from './customer-list.ts';
import { ExportButton } from './ExportButton.tsx';
import { profitPageSize, useProfitTable } from './profit-table.store.ts';

const columns: readonly { sort: ProfitSort; name: string }[] = [
  { sort: 'name', name: 'Customer' },
  { sort: 'revenue', name: 'Revenue' },
  { sort: 'allowances', name: 'Discounts and credits' },
  { sort: 'productCost', name: 'Product cost' },
  { sort: 'channelCost', name: 'Channel cost' },
  { sort: 'costToServe', name: 'Cost to serve' },
  { sort: 'adminCost', name: 'Admin cost' },
  { sort: 'profit', name: 'Profit' },
  { sort: 'clv', name: 'Predicted lifetime value' },
];

/** Every customer's profit and loss for the period: sortable by any column, a page at a time. */
export function CustomerProfitSection({ currency }: { currency: string }) {
  const { sort, direction, offset, items, total, error } = useProfitTable();
  useEffect(() => void useProfitTable.getState().refresh(), []);
  const money = (cents: number) => formatCurrency(cents, currency);
  const last = Math.min(offset + items.length, total ?? 0);
  return (
    <section className="panel insights-section" aria-labelledby="insights-profit">
      <div className="section-header">
        <h2 id="insights-profit">Customer profit</h2>
        <ExportButton table="customers">Export customers</ExportButton>
      </div>
      {error && (
        <p className="error-banner" role="alert">
          {error}
        </p>
      )}
      <div className="table-wide">
        <table className="data-table figures-table">
          <caption className="visually-hidden">Customers’ profit and loss for the period; the column headers sort</caption>
          <thead>
            <tr>
              {columns.map((column) => (
                <th key={column.sort} scope="col" aria-sort={column.sort === sort ? (direction === 'asc' ? 'ascending' : 'descending') : undefined}>
                  <button type="button" className="sort-button" onClick={() => useProfitTable.getState().sortBy(column.sort)}>
                    {column.name}
                    <span aria-hidden="true">{column.sort === sort ? (direction === 'asc' ? ' ▲' : ' ▼') : ''}</span>
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {items.map((row) => (
              <tr key={row.contactId} className={row.unprofitable ? 'row-unprofitable' : undefined}>
                <th scope="row">
                  <a href={hrefFor({ screen: 'contact', id: row.contactId })}>{row.displayName}</a>
                </th>
                <td>{money(row.revenueCents)}</td>
                <td>{money(row.allowancesCents)}</td>
                <td>{money(row.productCostCents)}</td>
                <td>{money(row.channelCostCents)}</td>
                <td>{money(row.costToServeCents)}</td>
                <td>{money(row.adminCostCents)}</td>
                <td>
                  {money(row.profitCents)}
                  {row.unprofitable && <span className="unprofitable-mark"> (unprofitable)</span>}
                </td>
                <td>{row.predictedClvCents === null ? '—' : money(row.predictedClvCents)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {total !== null && total > 0 && (
        <div className="toolbar pager">
          <p className="muted" aria-live="polite">{`${(offset + 1).toLocaleString()}–${last.toLocaleString()} of ${total.toLocaleString()}`}</p>
          <Button disabled={offset === 0} onClick={() => useProfitTable.getState().showPage(Math.max(0, offset - profitPageSize))}>
            Previous page
          </Button>
          <Button disabled={offset + profitPageSize >= total} onClick={() => useProfitTable.getState().showPage(offset + profitPageSize)}>
            Next page
          </Button>
        </div>
      )}
      {total === 0 && <p className="muted">No customers in this period.</p>}
    </section>
  );
}
