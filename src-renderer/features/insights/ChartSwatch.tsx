/** A legend's colour square: an SVG fill, so no inline style is needed under the page's CSP. */
export function ChartSwatch({ colour }: { colour: string }) {
  return (
    <svg className="chart-swatch" width="10" height="10" aria-hidden="true">
      <rect width="10" height="10" rx="2" fill={colour} />
    </svg>
  );
}
