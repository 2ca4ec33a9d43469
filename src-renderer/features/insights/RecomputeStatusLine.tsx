import { useEffect, useState } from 'react';
import { Button } from '../../ui/Button.tsx';
import { ProgressBar } from '../backup/ProgressBar.tsx';
import { DrillButton } from './DrillButton.tsx';
import { useInsights } from './insights.store.ts';
import { relativeTime } from '../../ui/relative-time.ts';
import { customersWord } from './insights-words.ts';


/** How fresh the figures are, what computed them, and the way to compute them again now. */
export function RecomputeStatusLine() {
  const { overview, status, progress, recomputing, recomputeProblem } = useInsights();
  // "Computed 5 minutes ago" stays true while the screen is open.
  const [, setNow] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  if (!status) return null;
  const running = recomputing || status.running || progress !== null;
  return (
    <div className="panel insights-status">
      <div className="toolbar">
        <p className="insights-figures">
          <strong>{customersWord(overview?.customers ?? status.customers)}</strong>
          {' · '}
          {status.computedAt === null ? 'Not computed yet' : <span title={status.computedAt}>{`Computed ${relativeTime(status.computedAt)}`}</span>}
          {status.stale && !running && ' · purchases changed since'}
        </p>
        {overview && overview.unprofitableCustomers > 0 && (
          <DrillButton drill={{ by: 'unprofitable' }} title="unprofitable" label={`Unprofitable customers: ${overview.unprofitableCustomers.toLocaleString()}`}>
            {`${overview.unprofitableCustomers.toLocaleString()} unprofitable`}
          </DrillButton>
        )}
        <Button className="push-right" onClick={() => void useInsights.getState().recompute()} disabled={running} aria-busy={running || undefined}>
          Recompute now
        </Button>
      </div>
      <p className="muted">
        {status.modelReason}
        {status.durationMs !== null && ` (took ${(status.durationMs / 1000).toLocaleString(undefined, { maximumFractionDigits: 1 })} s)`}
      </p>
      {running && <ProgressBar label={progress ? `Recomputing: ${progress.phase}` : 'Recomputing'} progress={progress} />}
      {status.failure && (
        <p className="error-banner" role="alert">
          {`The last recompute failed: ${status.failure}`}
        </p>
      )}
      {recomputeProblem && (
        <p className="error-banner" role="alert">
          {`The figures were not recomputed: ${recomputeProblem}`}
        </p>
      )}
    </div>
  );
}
