import type { InsightsOverview } from '../../../shared/insights/insights.schemas.ts';
import { ColumnChart } from './ColumnChart.tsx';
import { formatCurrency, formatWholeCurrency } from './currency-format.ts';
import { DrillButton } from './DrillButton.tsx';
import { ExportButton } from './ExportButton.tsx';
import { customersWord, drillWords } from './insights-words.ts';

/** Revenue and profit for each of the last eight quarters, and who bought in each. */
export function TrendSection({ overview }: { overview: InsightsOverview }) {
  const { currency } = overview;
  return (
    <section className="panel insights-section" aria-labelledby="insights-trend">
      <div className="section-header">
        <h2 id="insights-trend">Trend by quarter</h2>
        <ExportButton table="quarters">Export quarters</ExportButton>
      </div>
      {overview.quarters.length === 0 ? (
        <p className="muted">No quarters with purchases yet.</p>
      ) : (
        <>
          <ColumnChart
            label="Net revenue and profit by quarter"
            series={[
              { name: 'Net revenue', colour: '#7a9cc6' },
              { name: 'Profit', colour: '#2f6f5e' },
            ]}
            format={(cents) => formatWholeCurrency(cents, currency)}
            columns={overview.quarters.map((quarter) => ({ key: quarter.quarter, name: quarter.quarter, values: [quarter.revenueCents, quarter.profitCents] }))}
          />
          <div className="table-wide">
            <table className="data-table figures-table">
              <caption className="visually-hidden">Quarters; open a quarter’s customers to see who bought</caption>
              <thead>
                <tr>
                  <th scope="col">Quarter</th>
                  <th scope="col" title="What customers paid: sales and closings less discounts, less refunds">Net revenue</th>
                  <th scope="col">Profit</th>
                  <th scope="col">Customers who bought</th>
                </tr>
              </thead>
              <tbody>
                {overview.quarters.map((quarter) => {
                  const drill = { by: 'quarter', quarter: quarter.quarter } as const;
                  return (
                    <tr key={quarter.quarter}>
                      <th scope="row">{quarter.quarter}</th>
                      <td>{formatCurrency(quarter.revenueCents, currency)}</td>
                      <td>{formatCurrency(quarter.profitCents, currency)}</td>
                      <td>
                        <DrillButton drill={drill} title={drillWords(drill, currency)} label={`${customersWord(quarter.customers)} bought in ${quarter.quarter}`}>
                          {quarter.customers.toLocaleString()}
                        </DrillButton>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
