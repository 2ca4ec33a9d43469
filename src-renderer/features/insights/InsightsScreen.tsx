import { memo, useDeferredValue, useEffect, useState } from 'react';
import type { ProfitPeriod } from '../../../shared/insights/insights.schemas.ts';
import { profitPeriodNames } from '../../../shared/insights/insights.labels.ts';
import { apiErrorOf } from '../../api/client.ts';
import { hrefFor } from '../../app/navigation.store.ts';
import { Button } from '../../ui/Button.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { showToast } from '../../ui/toast.store.ts';
import { seedSample } from '../contacts/contact-editing.ts';
import { ChannelsSection } from './ChannelsSection.tsx';
import { ClvSection } from './ClvSection.tsx';
import { CustomerProfitSection } from './CustomerProfitSection.tsx';
import { useDrill } from './drill.store.ts';
import { DrillPanel } from './DrillPanel.tsx';
import { InsightsSettings } from './InsightsSettings.tsx';
import { useInsights } from './insights.store.ts';
import { LadderSection } from './LadderSection.tsx';
import { RecomputeStatusLine } from './RecomputeStatusLine.tsx';
import { SegmentsSection } from './SegmentsSection.tsx';
import { TrendSection } from './TrendSection.tsx';
import { useProfitTable } from './profit-table.store.ts';
import './insights.css';

// Each section draws again only when its figures change, not on every progress step of a recompute.
const Ladder = memo(LadderSection);
const Clv = memo(ClvSection);
const Segments = memo(SegmentsSection);
const Channels = memo(ChannelsSection);
const Trend = memo(TrendSection);
const CustomerProfit = memo(CustomerProfitSection);

const periodOptions = (Object.keys(profitPeriodNames) as ProfitPeriod[]).map((value) => ({ value, label: profitPeriodNames[value] }));

/** What customers are worth and where they stand: the view a shop owner opens every Monday. */
export function InsightsScreen() {
  const period = useInsights((state) => state.period);
  const overview = useInsights((state) => state.overview);
  const loaded = useInsights((state) => state.loaded);
  const error = useInsights((state) => state.error);
  // New figures draw the charts first and the tables below them in a second, interruptible pass:
  // one long task split in two.
  const tables = useDeferredValue(overview);
  useEffect(() => void useInsights.getState().refresh(), []);
  const setPeriod = (value: string) => {
    useInsights.getState().setPeriod(value as ProfitPeriod);
    useProfitTable.getState().showPage(0);
    if (useDrill.getState().drill !== null) void useDrill.getState().refresh();
  };

  let body;
  if (error && !overview) {
    body = (
      <div className="error-banner" role="alert">
        <p>{error}</p>
        <Button onClick={() => void useInsights.getState().refresh()}>Try again</Button>
      </div>
    );
  } else if (!loaded || !overview) {
    body = <p className="loading">Loading…</p>;
  } else if (overview.customers === 0) {
    body = <NoCustomers />;
  } else {
    body = (
      <>
        <Ladder overview={overview} />
        <Clv overview={overview} />
        <Segments overview={tables ?? overview} />
        <Channels overview={tables ?? overview} />
        <Trend overview={tables ?? overview} />
        <CustomerProfit currency={overview.currency} />
      </>
    );
  }

  return (
    <div className="screen screen-scroll insights">
      <header className="screen-header">
        <h1>Insights</h1>
        <SelectField label="Period" value={period} options={periodOptions} onChange={setPeriod} className="field-inline push-right" />
      </header>
      {overview && <p className="muted insights-period">{`${overview.from} to ${overview.to}`}</p>}
      <RecomputeStatusLine />
      <div className="insights-layout">
        <div className="insights-main">
          {body}
          <InsightsSettings />
        </div>
        {overview && <DrillPanel currency={overview.currency} />}
      </div>
    </div>
  );
}

/** No customers yet: what to do to get figures here. */
function NoCustomers() {
  const [seeding, setSeeding] = useState(false);
  const loadSample = async () => {
    setSeeding(true);
    try {
      const created = await seedSample();
      showToast({ message: `Added ${created} sample contacts` });
    } catch (thrown) {
      showToast({ message: apiErrorOf(thrown).message });
    } finally {
      setSeeding(false);
    }
  };
  return (
    <EmptyState
      title="No customers yet"
      actions={
        <>
          <a className="button button-secondary" href={hrefFor({ screen: 'backup' })}>
            Open the purchases import
          </a>
          <Button variant="primary" onClick={() => void loadSample()} disabled={seeding}>
            {seeding ? 'Loading sample data…' : 'Load sample data'}
          </Button>
        </>
      }
    >
      <p>Record a purchase on a contact's page, or import purchases in Backup & data.</p>
      <p>The ladder, lifetime values and segments appear once there are purchases. Sample data comes with two years of them.</p>
    </EmptyState>
  );
}
