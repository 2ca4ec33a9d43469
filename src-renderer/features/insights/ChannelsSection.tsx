import type { InsightsOverview } from '../../../shared/insights/insights.schemas.ts';
import { formatCurrency } from './currency-format.ts';
import { DrillButton } from './DrillButton.tsx';
import { ExportButton } from './ExportButton.tsx';
import { drillWords } from './insights-words.ts';

/** What each channel brings in and what it costs, down to its profit. */
export function ChannelsSection({ overview }: { overview: InsightsOverview }) {
  const { currency } = overview;
  const money = (cents: number) => formatCurrency(cents, currency);
  return (
    <section className="panel insights-section" aria-labelledby="insights-channels">
      <div className="section-header">
        <h2 id="insights-channels">Channels</h2>
        <ExportButton table="channels">Export channels</ExportButton>
      </div>
      {overview.channels.length === 0 ? (
        <p className="muted">No purchases in this period.</p>
      ) : (
        <div className="table-wide">
          <table className="data-table figures-table">
            <caption className="visually-hidden">Channels for the period; open a channel to see its customers</caption>
            <thead>
              <tr>
                <th scope="col">Channel</th>
                <th scope="col">Purchases</th>
                <th scope="col" title="What customers paid: sales and closings less discounts, less refunds">Net revenue</th>
                <th scope="col" title="What selling through the channel cost: fees, commissions.">Channel cost</th>
                <th scope="col">Product cost</th>
                <th scope="col" title="Each customer’s time and gifts, shared across channels by their revenue through each.">Cost to serve</th>
                <th scope="col">Profit</th>
              </tr>
            </thead>
            <tbody>
              {overview.channels.map((row) => (
                <tr key={row.channel}>
                  <th scope="row">
                    <DrillButton drill={row.drill} title={drillWords(row.drill, currency)}>
                      {row.channel}
                    </DrillButton>
                  </th>
                  <td>{row.purchases.toLocaleString()}</td>
                  <td>{money(row.revenueCents)}</td>
                  <td>{money(row.channelCostCents)}</td>
                  <td>{money(row.productCostCents)}</td>
                  <td>{money(row.costToServeCents)}</td>
                  <td>{money(row.profitCents)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
