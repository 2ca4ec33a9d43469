import { AxisBottom, AxisLeft } from '@visx/axis';
import { Group } from '@visx/group';
import { scaleBand, scaleLinear } from '@visx/scale';
import { Bar } from '@visx/shape';
import { ChartSwatch } from './ChartSwatch.tsx';
import { ChartTable } from './ChartTable.tsx';

export type ColumnSeries = { name: string; colour: string };
export type Column = { key: string; name: string; values: readonly number[]; onSelect?: () => void };

const width = 640;
const height = 240;
const margin = { top: 10, right: 10, bottom: 34, left: 72 };

/**
 * Columns side by side for each category (a histogram with one series, revenue
 * beside profit with two); values may be negative, a loss hangs below the line.
 */
export function ColumnChart({
  label,
  series,
  columns,
  format,
}: {
  label: string;
  series: readonly ColumnSeries[];
  columns: readonly Column[];
  format: (value: number) => string;
}) {
  const innerWidth = width - margin.left - margin.right;
  const innerHeight = height - margin.top - margin.bottom;
  const all = columns.flatMap((column) => column.values);
  const x = scaleBand({ domain: columns.map((column) => column.key), range: [0, innerWidth], padding: 0.2 });
  const inner = scaleBand({ domain: series.map((_, index) => index), range: [0, x.bandwidth()], padding: 0.05 });
  const y = scaleLinear({ domain: [Math.min(0, ...all), Math.max(1, ...all)], range: [innerHeight, 0], nice: true });
  const names = new Map(columns.map((column) => [column.key, column.name]));
  return (
    <figure className="chart">
      <svg role="img" aria-label={label} viewBox={`0 0 ${width} ${height}`} width="100%">
        <Group left={margin.left} top={margin.top}>
          {columns.map((column) =>
            column.values.map((value, index) => {
              const top = y(Math.max(0, value));
              return (
                <Bar
                  key={`${column.key}-${index}`}
                  x={(x(column.key) ?? 0) + (inner(index) ?? 0)}
                  y={top}
                  width={inner.bandwidth()}
                  height={Math.abs(y(value) - y(0))}
                  fill={series[index]?.colour ?? '#2f6f5e'}
                  className={column.onSelect ? 'chart-mark chart-mark-clickable' : 'chart-mark'}
                  onClick={column.onSelect}
                />
              );
            }),
          )}
          <AxisLeft scale={y} numTicks={5} tickFormat={(value) => format(Number(value))} stroke="#c9c9c2" tickStroke="#c9c9c2" tickClassName="chart-tick" />
          <AxisBottom top={y(0)} scale={x} tickFormat={(key) => names.get(String(key)) ?? String(key)} stroke="#c9c9c2" hideTicks tickClassName="chart-tick" />
        </Group>
      </svg>
      {series.length > 1 && (
        <ul className="chart-legend" aria-hidden="true">
          {series.map((item) => (
            <li key={item.name}>
              <ChartSwatch colour={item.colour} />
              {item.name}
            </li>
          ))}
        </ul>
      )}
      <ChartTable caption={label} head={['', ...series.map((item) => item.name)]} rows={columns.map((column) => [column.name, ...column.values.map(format)])} />
    </figure>
  );
}
