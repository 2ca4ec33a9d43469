import { AxisBottom, AxisLeft } from '@visx/axis';
import { Group } from '@visx/group';
import { scaleBand, scaleLinear } from '@visx/scale';
import { BarStack } from '@visx/shape';
import { ChartSwatch } from './ChartSwatch.tsx';
import { ChartTable } from './ChartTable.tsx';

export type StackLayer<Key extends string> = { key: Key; name: string; colour: string };

const width = 640;
const height = 240;
const margin = { top: 10, right: 10, bottom: 34, left: 48 };

/** One column per category, its layers stacked bottom to top in the order given (the ladder's rungs). */
export function StackedColumns<Key extends string, Datum extends { category: string } & Record<Key, number>>({
  label,
  layers,
  data,
}: {
  label: string;
  layers: readonly StackLayer<Key>[];
  data: readonly Datum[];
}) {
  const innerWidth = width - margin.left - margin.right;
  const innerHeight = height - margin.top - margin.bottom;
  const totals = data.map((datum) => layers.reduce((sum, layer) => sum + datum[layer.key], 0));
  const x = scaleBand({ domain: data.map((datum) => datum.category), range: [0, innerWidth], padding: 0.3 });
  const y = scaleLinear({ domain: [0, Math.max(1, ...totals)], range: [innerHeight, 0], nice: true });
  const colours = new Map(layers.map((layer) => [layer.key, layer.colour]));
  return (
    <figure className="chart">
      <svg role="img" aria-label={label} viewBox={`0 0 ${width} ${height}`} width="100%">
        <Group left={margin.left} top={margin.top}>
          <BarStack<Datum, Key>
            data={[...data]}
            keys={layers.map((layer) => layer.key)}
            x={(datum) => datum.category}
            xScale={x}
            yScale={y}
            color={(key) => colours.get(key) ?? '#999'}
          />
          <AxisLeft scale={y} numTicks={5} stroke="#c9c9c2" tickStroke="#c9c9c2" tickClassName="chart-tick" />
          <AxisBottom top={innerHeight} scale={x} stroke="#c9c9c2" hideTicks tickClassName="chart-tick" />
        </Group>
      </svg>
      <ul className="chart-legend" aria-hidden="true">
        {layers.map((layer) => (
          <li key={layer.key}>
            <ChartSwatch colour={layer.colour} />
            {layer.name}
          </li>
        ))}
      </ul>
      <ChartTable
        caption={label}
        head={['Quarter', ...layers.map((layer) => layer.name)]}
        rows={data.map((datum) => [datum.category, ...layers.map((layer) => datum[layer.key].toLocaleString())])}
      />
    </figure>
  );
}
