// A live rx/tx chart (uPlot) of one container: made once, fed new columns with setData on every
// sample and resized with its box, never re-created per tick (only when the colour scheme or the
// language changes: a canvas cannot follow CSS). The wrapper carries the latest plotted values
// (bytes/s), the point count and the scheme drawn for tests: data-last-rx, data-last-tx, data-points, data-scheme.
import { DEFAULT_THEME, useComputedColorScheme } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { currentLocale } from '../../i18n/i18n';
import { formatRate } from './traffic-format';
import { lastValues, type ChartColumns } from './traffic-buffer';

type Scheme = 'light' | 'dark';

const rgba = (hex: string, alpha: number) => {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
};

const { gray, dark, blue, orange } = DEFAULT_THEME.colors;

/** Axis, grid and series colours per scheme: the axis in the theme's dimmed text colour of that scheme. */
export const chartPalette: Record<Scheme, { axis: string; grid: string; rx: string; tx: string; fillAlpha: number }> = {
  light: { axis: gray[7], grid: rgba(gray[7], 0.15), rx: blue[7], tx: orange[8], fillAlpha: 0.08 },
  dark: { axis: dark[1], grid: rgba(dark[1], 0.14), rx: blue[4], tx: orange[4], fillAlpha: 0.14 },
};

const rateText = (_u: uPlot, v: number | null) => (v == null ? '—' : formatRate(v));

interface Words {
  time: string;
  rx: string;
  tx: string;
}

function options(width: number, height: number, scheme: Scheme, words: Words): uPlot.Options {
  const colours = chartPalette[scheme];
  const axis = { stroke: colours.axis, grid: { stroke: colours.grid, width: 1 }, ticks: { stroke: colours.grid, width: 1 } };
  // Times in the window's language: seconds while the ticks are under a minute apart.
  const locale = currentLocale();
  const withSeconds = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });
  const minutes = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hour12: false });
  const full = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium', hour12: false });
  return {
    width,
    height,
    series: [
      { label: words.time, value: (_u, v) => (v == null ? '—' : full.format(v * 1000)) },
      { label: words.rx, stroke: colours.rx, fill: rgba(colours.rx, colours.fillAlpha), width: 2, value: rateText },
      { label: words.tx, stroke: colours.tx, fill: rgba(colours.tx, colours.fillAlpha), width: 2, value: rateText },
    ],
    axes: [
      { ...axis, values: (_u, ticks, _i, _space, increment) => ticks.map((s) => (increment < 60 ? withSeconds : minutes).format(s * 1000)) },
      { ...axis, values: (_u, ticks) => ticks.map(formatRate), size: 90 },
    ],
    // From 0 up, at least 1 KiB/s so an idle container shows a flat line at the bottom.
    scales: { y: { range: (_u, _min, max) => [0, Math.max(1024, max * 1.1)] } },
    cursor: { drag: { x: false, y: false } },
  };
}

export function TrafficChart({ columns, height = 220 }: { columns: ChartColumns; height?: number }) {
  const { t, i18n } = useTranslation('traffic');
  const scheme = useComputedColorScheme('light');
  const box = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  // The latest columns, for the plot made after they arrived.
  const latest = useRef(columns);
  const words: Words = { time: t('chart.time'), rx: t('chart.rx'), tx: t('chart.tx') };
  const wordsKey = JSON.stringify(words);

  useEffect(() => {
    latest.current = columns;
    plot.current?.setData(columns);
  }, [columns]);

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const widthOf = () => Math.max(320, Math.floor(element.clientWidth));
    const made = new uPlot(options(widthOf(), height, scheme, JSON.parse(wordsKey) as Words), latest.current, element);
    plot.current = made;
    // The legend's values are numbers and times (data); its labels come from the catalogue.
    for (const value of element.querySelectorAll('.u-legend .u-value')) value.setAttribute('translate', 'no');
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
  }, [height, scheme, wordsKey, i18n.language]);

  const last = lastValues(columns);
  return (
    <div
      ref={box}
      style={{ width: '100%', minWidth: 0 }}
      data-testid="traffic-chart"
      data-scheme={scheme}
      data-axis-stroke={chartPalette[scheme].axis}
      data-points={last.points}
      data-last-rx={last.rx}
      data-last-tx={last.tx}
    />
  );
}
