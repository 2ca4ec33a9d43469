import { useEffect } from 'react';
import { ProfitPeriod } from '../../../shared/insights/insights.schemas.ts';
import { profitPeriodNames } from '../../../shared/insights/insights.labels.ts';
import { SelectField } from '../../ui/SelectField.tsx';
import { formatLocalDate } from '../../ui/dates.ts';
import { formatMoney } from '../../ui/money.ts';
import { LifetimeValue } from './LifetimeValue.tsx';
import { followCurrency, useCurrency } from './currency.store.ts';
import { followCustomerInsight, useCustomerInsight } from './customer-insight.store.ts';
import { figureGrid, figureValue, profitLines } from './value-words.ts';

/** The warning colours of .notice-warning: the chip's own green would read as good news. */
const warningChip = { background: '#fff1e0', color: '#7a4300', border: '1px solid #f0c89a' } as const;

const periodOptions = ProfitPeriod.options.map((period) => ({ value: period, label: profitPeriodNames[period] }));

/** What the customer brought in and cost over a period (the founding list), beside their lifetime value. */
export function ProfitAndLossSection({ contactId }: { contactId: string }) {
  const { insight, period, status, error } = useCustomerInsight();
  const currency = useCurrency((state) => state.currency);

  useEffect(() => {
    void useCustomerInsight.getState().open(contactId);
    const stops = [followCustomerInsight(), followCurrency()];
    return () => {
      stops.forEach((stop) => stop());
      useCustomerInsight.getState().close();
    };
  }, [contactId]);

  const profit = insight?.profit ?? null;
  return (
    <section className="activity-section profit-section" aria-labelledby="profit-title">
      <div className="section-header">
        <h2 id="profit-title">Profit and loss</h2>
        {profit?.unprofitable && (
          <span className="chip unprofitable-badge" style={warningChip} title="Their profit for this period is below the threshold in settings.">
            Unprofitable
          </span>
        )}
      </div>
      <SelectField label="Period" value={period} options={periodOptions} onChange={(chosen) => void useCustomerInsight.getState().choosePeriod(chosen as ProfitPeriod)} />
      {status === 'loading' && <p className="loading">Working out their figures…</p>}
      {status === 'error' && (
        <p className="error-banner" role="alert">
          Their figures could not be loaded: {error}
        </p>
      )}
      {profit && (
        <p className="muted">
          {formatLocalDate(profit.from)} to {formatLocalDate(profit.to)}
        </p>
      )}
      {profit && (
        <dl className="profit-lines" style={figureGrid}>
          {profitLines.map((line) => (
            <div key={line.key} className={line.key === 'profitCents' ? 'profit-line profit-total' : 'profit-line'} title={line.definition} style={{ display: 'contents' }}>
              <dt style={line.key === 'profitCents' ? { fontWeight: 600 } : undefined}>{line.name}</dt>
              <dd style={line.key === 'profitCents' ? { ...figureValue, fontWeight: 600 } : figureValue}>
                {line.subtract && (profit[line.key] as number) !== 0 ? '−' : ''}
                {formatMoney(profit[line.key] as number, currency)}
              </dd>
            </div>
          ))}
        </dl>
      )}
      {insight && <LifetimeValue value={insight.value} currency={currency} />}
    </section>
  );
}
