// A live rx/tx chart (uPlot) of one container: made once, fed new columns with setData on every
// sample and resized with its box, never re-created per tick. The wrapper carries the latest
// plotted values (bytes/s) and the point count for tests: data-last-rx, data-last-tx, data-points.
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { formatRate } from './traffic-format';
import { lastValues, type ChartColumns } from './traffic-buffer';

// Canvas colours cannot follow CSS variables: a grey that reads on the light and the dark scheme.
const AXIS = '#868e96';
const GRID = 'rgba(134, 142, 150, 0.2)';
const axis = { stroke: AXIS, grid: { stroke: GRID, width: 1 }, ticks: { stroke: GRID, width: 1 } };
const rateText = (_u: uPlot, v: number | null) => (v == null ? '—' : formatRate(v));

function options(width: number, height: number): uPlot.Options {
  return {
    width,
    height,
    series: [
      {},
      { label: 'rx (received)', stroke: '#1c7ed6', fill: 'rgba(28, 126, 214, 0.08)', width: 2, value: rateText },
      { label: 'tx (sent)', stroke: '#e8590c', fill: 'rgba(232, 89, 12, 0.08)', width: 2, value: rateText },
    ],
    axes: [axis, { ...axis, values: (_u, ticks) => ticks.map(formatRate), size: 90 }],
    // From 0 up, at least 1 KiB/s so an idle container shows a flat line at the bottom.
    scales: { y: { range: (_u, _min, max) => [0, Math.max(1024, max * 1.1)] } },
    cursor: { drag: { x: false, y: false } },
  };
}

export function TrafficChart({ columns, height = 220 }: { columns: ChartColumns; height?: number }) {
  const box = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  // The latest columns, for the plot made after they arrived.
  const latest = useRef(columns);

  useEffect(() => {
    latest.current = columns;
    plot.current?.setData(columns);
  }, [columns]);

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const widthOf = () => Math.max(320, Math.floor(element.clientWidth));
    const made = new uPlot(options(widthOf(), height), latest.current, element);
    plot.current = made;
    const resize = new ResizeObserver(() => {
      const width = widthOf();
      if (width !== made.width) made.setSize({ width, height });
    });
    resize.observe(element);
    return () => {
      resize.disconnect();
      made.destroy();
      plot.current = null;
    };
  }, [height]);

  const last = lastValues(columns);
  return <div ref={box} style={{ width: '100%', minWidth: 0 }} data-testid="traffic-chart" data-points={last.points} data-last-rx={last.rx} data-last-tx={last.tx} />;
}
