import type { InsightsOverview } from '../../../shared/insights/insights.schemas.ts';
import { clvTierNames } from '../../../shared/insights/insights.labels.ts';
import { ColumnChart } from './ColumnChart.tsx';
import { formatWholeCurrency } from './currency-format.ts';
import { DrillButton } from './DrillButton.tsx';
import { useDrill } from './drill.store.ts';
import { binRange, clvTiers, customersWord, drillWords } from './insights-words.ts';

/** How predicted lifetime value is spread over the customers, and the tiers it sorts them into. */
export function ClvSection({ overview }: { overview: InsightsOverview }) {
  const { currency } = overview;
  const open = useDrill.getState().open;
  const tierCount = (tier: string) => overview.segments.find((row) => row.segment === tier)?.customers ?? 0;
  return (
    <section className="panel insights-section" aria-labelledby="insights-clv">
      <h2 id="insights-clv">Customer lifetime value</h2>
      <p className="panel-text">Predicted value of each customer’s future purchases, discounted to today. Open a bar’s range to see who is in it.</p>
      {overview.clvBins.length === 0 ? (
        <p className="muted">No lifetime values yet: they are computed after the first purchases.</p>
      ) : (
        <>
          <ColumnChart
            label="Customers by predicted lifetime value"
            series={[{ name: 'Customers', colour: '#2f6f5e' }]}
            format={(value) => value.toLocaleString()}
            columns={overview.clvBins.map((bin) => {
              const drill = { by: 'clv', fromCents: bin.fromCents, toCents: bin.toCents } as const;
              return {
                key: String(bin.fromCents),
                name: bin.toCents === null ? `${formatWholeCurrency(bin.fromCents, currency)}+` : formatWholeCurrency(bin.fromCents, currency),
                values: [bin.customers],
                onSelect: () => open(drill, drillWords(drill, currency), null),
              };
            })}
          />
          <ul className="figure-list figure-list-wrap" aria-label="Lifetime value ranges">
            {overview.clvBins.map((bin) => {
              const drill = { by: 'clv', fromCents: bin.fromCents, toCents: bin.toCents } as const;
              const range = binRange(bin.fromCents, bin.toCents, currency);
              return (
                <li key={bin.fromCents}>
                  <DrillButton drill={drill} title={drillWords(drill, currency)} label={`${range}: ${customersWord(bin.customers)}`}>
                    <span className="figure-name">{range}</span> <span className="figure-value">{bin.customers.toLocaleString()}</span>
                  </DrillButton>
                </li>
              );
            })}
          </ul>
        </>
      )}
      <h3>Tiers</h3>
      <ul className="figure-list figure-list-wrap">
        {clvTiers.map((tier) => (
          <li key={tier}>
            <DrillButton drill={{ by: 'tier', tier }} title={clvTierNames[tier]} label={`${clvTierNames[tier]}: ${tierCount(tier).toLocaleString()}`}>
              <span className="figure-name">{clvTierNames[tier]}</span> <span className="figure-value">{tierCount(tier).toLocaleString()}</span>
            </DrillButton>
          </li>
        ))}
      </ul>
    </section>
  );
}
