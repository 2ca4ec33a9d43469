import type { CustomerValue } from '../../../shared/insights/insights.schemas.ts';
import { clvTierNames } from '../../../shared/insights/insights.labels.ts';
import { formatMoney } from '../../ui/money.ts';
import { relativeTime } from '../../ui/relative-time.ts';
import { figureGrid, figureValue, percent } from './value-words.ts';

type Props = { value: CustomerValue | null; currency: string | null };

/** The customer's lifetime value as of the last recompute, with the model behind it and why. */
export function LifetimeValue({ value, currency }: Props) {
  return (
    <div className="lifetime-value">
      <h3>Lifetime value</h3>
      {value === null ? (
        <p className="section-empty">Not computed yet: lifetime value is worked out in the background once they have a purchase, a moment after it is recorded.</p>
      ) : (
        <>
          <dl className="profit-lines" style={figureGrid}>
            <Figure name="Historical value" definition="What they have spent so far, net of discounts and refunds.">
              {formatMoney(value.historicalCents, currency)}
            </Figure>
            <Figure name="Expected purchases, next 12 months" definition="How many purchases the model expects from them in the coming year.">
              {value.expectedPurchases === null ? 'Not estimated' : value.expectedPurchases.toLocaleString(undefined, { maximumFractionDigits: 1 })}
            </Figure>
            <Figure name="Expected spend, next 12 months" definition="What the model expects them to spend in the coming year.">
              {value.expectedSpendCents === null ? 'Not estimated' : formatMoney(value.expectedSpendCents, currency)}
            </Figure>
            <Figure name="P(alive)" definition="The chance they are still a customer, from how often and how recently they bought.">
              {value.pAlive === null ? 'Not estimated' : percent(value.pAlive)}
            </Figure>
            <Figure name="Predicted lifetime value" definition="Their future purchases' worth, discounted at the rate in settings.">
              {value.model === 'none' ? 'Not estimated' : formatMoney(value.predictedClvCents, currency)}
            </Figure>
            <Figure name="Value tier" definition="Where their predicted value ranks among your customers (tiers set in settings).">
              {value.tier === null ? 'Not ranked' : clvTierNames[value.tier]}
            </Figure>
          </dl>
          <p className="muted">
            {value.modelReason}
          </p>
          <p className="muted">
            Computed <time dateTime={value.computedAt}>{relativeTime(value.computedAt)}</time>
          </p>
        </>
      )}
    </div>
  );
}

function Figure({ name, definition, children }: { name: string; definition: string; children: React.ReactNode }) {
  return (
    <div className="profit-line" title={definition} style={{ display: 'contents' }}>
      <dt>{name}</dt>
      <dd style={figureValue}>{children}</dd>
    </div>
  );
}
