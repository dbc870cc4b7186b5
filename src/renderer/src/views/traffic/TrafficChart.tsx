// A live rx/tx chart (uPlot): made once, fed new columns on every sample, never re-created per tick.
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { formatRate, type ChartColumns } from './traffic-format';

export function TrafficChart({ columns, width = 900, height = 220 }: { columns: ChartColumns; width?: number; height?: number }) {
  const box = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  useEffect(() => {
    if (!box.current) return;
    plot.current = new uPlot(
      {
        width,
        height,
        series: [
          {},
          { label: 'rx (received)', stroke: '#1c7ed6', width: 2, value: (_u, v) => (v == null ? '—' : formatRate(v)) },
          { label: 'tx (sent)', stroke: '#e8590c', width: 2, value: (_u, v) => (v == null ? '—' : formatRate(v)) },
        ],
        axes: [{}, { values: (_u, ticks) => ticks.map(formatRate), size: 80 }],
        scales: { y: { range: (_u, _min, max) => [0, Math.max(1024, max)] } },
      },
      [[], [], []],
      box.current,
    );
    return () => {
      plot.current?.destroy();
      plot.current = null;
    };
  }, [width, height]);
  useEffect(() => {
    plot.current?.setData(columns);
  }, [columns]);
  const last = (series: number[]) => (series.length > 0 ? series[series.length - 1]! : 0);
  return <div ref={box} data-testid="traffic-chart" data-points={columns[0].length} data-last-rx={last(columns[1])} data-last-tx={last(columns[2])} />;
}
