import type { InsightsOverview } from '../../../shared/insights/insights.schemas.ts';
import { loyaltyStageNames } from '../../../shared/insights/insights.labels.ts';
import { DrillButton } from './DrillButton.tsx';
import { useDrill } from './drill.store.ts';
import { HorizontalBars } from './HorizontalBars.tsx';
import { ladderStages, stageColours } from './insights-words.ts';
import { StackedColumns } from './StackedColumns.tsx';

/** A ladder reads from the top: ambassadors above, detractors at the foot. */
const topDown = [...ladderStages].reverse();

/** The loyalty ladder today, each rung's customers one click away, and how it moved quarter by quarter. */
export function LadderSection({ overview }: { overview: InsightsOverview }) {
  const open = useDrill.getState().open;
  return (
    <section className="panel insights-section" aria-labelledby="insights-ladder">
      <h2 id="insights-ladder">Loyalty ladder</h2>
      <p className="panel-text">From detractor up to ambassador, who recommends you. Open a rung to see its customers.</p>
      <div className="chart-row">
        <HorizontalBars
          label="Customers on each rung of the loyalty ladder"
          valueName="Customers"
          bars={topDown.map((stage) => ({
            key: stage,
            name: loyaltyStageNames[stage],
            value: overview.ladder[stage],
            colour: stageColours[stage],
            onSelect: () => open({ by: 'stage', stage }, loyaltyStageNames[stage], null),
          }))}
        />
        <ul className="figure-list">
          {topDown.map((stage) => (
            <li key={stage}>
              <DrillButton drill={{ by: 'stage', stage }} title={loyaltyStageNames[stage]} label={`${loyaltyStageNames[stage]}: ${overview.ladder[stage].toLocaleString()}`}>
                <span className="figure-name">{loyaltyStageNames[stage]}</span> <span className="figure-value">{overview.ladder[stage].toLocaleString()}</span>
              </DrillButton>
            </li>
          ))}
        </ul>
      </div>
      <h3>Movement by quarter</h3>
      {overview.quarters.length === 0 ? (
        <p className="muted">No quarters with purchases yet.</p>
      ) : (
        <StackedColumns
          label="The loyalty ladder at the end of each quarter"
          layers={ladderStages.map((stage) => ({ key: stage, name: loyaltyStageNames[stage], colour: stageColours[stage] }))}
          data={overview.quarters.map((quarter) => ({ category: quarter.quarter, ...quarter.ladder }))}
        />
      )}
    </section>
  );
}
