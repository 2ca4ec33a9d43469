import { Group } from '@visx/group';
import { scaleBand, scaleLinear } from '@visx/scale';
import { Bar } from '@visx/shape';
import { ChartTable } from './ChartTable.tsx';

export type HorizontalBar = { key: string; name: string; value: number; colour: string; onSelect?: () => void };

const width = 520;
const rowHeight = 30;
const labelWidth = 110;
const valueWidth = 60;

/**
 * One bar per row, its name on the left and its figure on the right. A bar is
 * clickable with the mouse; the keyboard reaches the same figure through the
 * buttons beside the chart.
 */
export function HorizontalBars({ label, valueName, bars }: { label: string; valueName: string; bars: readonly HorizontalBar[] }) {
  const height = rowHeight * bars.length;
  const y = scaleBand({ domain: bars.map((bar) => bar.key), range: [0, height], padding: 0.25 });
  const x = scaleLinear({ domain: [0, Math.max(1, ...bars.map((bar) => bar.value))], range: [0, width - labelWidth - valueWidth] });
  return (
    <figure className="chart">
      <svg role="img" aria-label={label} viewBox={`0 0 ${width} ${height}`} width="100%">
        {bars.map((bar) => {
          const top = y(bar.key) ?? 0;
          return (
            <Group key={bar.key} top={top}>
              <text x={labelWidth - 8} y={y.bandwidth() / 2} dy="0.35em" textAnchor="end" className="chart-label">
                {bar.name}
              </text>
              <Bar
                x={labelWidth}
                width={Math.max(bar.value > 0 ? 2 : 0, x(bar.value))}
                height={y.bandwidth()}
                fill={bar.colour}
                rx={3}
                className={bar.onSelect ? 'chart-mark chart-mark-clickable' : 'chart-mark'}
                onClick={bar.onSelect}
              />
              <text x={labelWidth + x(bar.value) + 6} y={y.bandwidth() / 2} dy="0.35em" className="chart-value">
                {bar.value.toLocaleString()}
              </text>
            </Group>
          );
        })}
      </svg>
      <ChartTable caption={label} head={['', valueName]} rows={bars.map((bar) => [bar.name, bar.value.toLocaleString()])} />
    </figure>
  );
}
