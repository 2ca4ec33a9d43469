import type { InsightsOverview, SegmentRow } from '../../../shared/insights/insights.schemas.ts';
import { formatCurrency } from './currency-format.ts';
import { DrillButton } from './DrillButton.tsx';
import { ExportButton } from './ExportButton.tsx';
import { clvTiers, customersWord, drillWords, ladderStages, metricDefinitions, percent } from './insights-words.ts';

const order: readonly string[] = [...clvTiers, ...ladderStages];
const rank = (row: SegmentRow) => (order.includes(row.segment) ? order.indexOf(row.segment) : order.length);

const columns = [
  { name: 'Customers', definition: metricDefinitions.customers },
  { name: 'Average profit', definition: metricDefinitions.averageProfit },
  { name: 'Retention rate', definition: metricDefinitions.retention },
  { name: 'Turnover-adjusted profit', definition: metricDefinitions.turnoverAdjustedProfit },
  { name: 'Customer turnover', definition: metricDefinitions.turnover },
  { name: 'Low-profit self-service', definition: metricDefinitions.selfService },
] as const;

/** Per CLV tier and ladder rung: how many, what they earn, who stays, who leaves, who serves themselves. */
export function SegmentsSection({ overview }: { overview: InsightsOverview }) {
  const { currency } = overview;
  const rows = [...overview.segments].sort((a, b) => rank(a) - rank(b));
  return (
    <section className="panel insights-section" aria-labelledby="insights-segments">
      <div className="section-header">
        <h2 id="insights-segments">Segments</h2>
        <ExportButton table="segments">Export table</ExportButton>
      </div>
      <div className="table-wide">
        <table className="data-table figures-table">
          <caption className="visually-hidden">Segments for the period</caption>
          <thead>
            <tr>
              <th scope="col">Segment</th>
              {columns.map((column) => (
                <th key={column.name} scope="col" title={column.definition}>
                  {column.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.segment}>
                <th scope="row">{row.label}</th>
                <td>
                  <DrillButton drill={row.drill} title={row.label} label={`${customersWord(row.customers)} in ${row.label}`}>
                    {row.customers.toLocaleString()}
                  </DrillButton>
                </td>
                <td>{formatCurrency(row.averageProfitCents, currency)}</td>
                <td>{percent(row.retentionRate)}</td>
                <td>{row.turnoverAdjustedProfitCents === null ? '—' : formatCurrency(row.turnoverAdjustedProfitCents, currency)}</td>
                <td>
                  {percent(row.turnoverRate)}{' '}
                  {row.lost > 0 && (
                    <DrillButton
                      drill={{ by: 'lost', segment: row.segment }}
                      title={drillWords({ by: 'lost', segment: row.segment }, currency, row.label)}
                      label={`${row.lost.toLocaleString()} lost from ${row.label}`}
                    >
                      {`(${row.lost.toLocaleString()} lost)`}
                    </DrillButton>
                  )}
                </td>
                <td>{percent(row.lowProfitSelfServiceShare)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3>What these mean</h3>
      <dl className="definitions">
        {columns.map((column) => (
          <div key={column.name}>
            <dt>{column.name}</dt>
            <dd>{column.definition}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
