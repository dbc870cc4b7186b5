// Where the graph opens. Framed whole when that leaves its nodes readable; a graph too tall for that
// (hundreds of containers drawn one under another, grouping None) opens fitted to its width, from
// its top: names and lines read at once, and only what is on screen is drawn (the canvas renders
// visible nodes only from VIRTUALIZE_FROM nodes). Fit view (the controls) still shows the whole. Pure.
import { getViewportForBounds, type Viewport } from '@xyflow/react';

export interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Room left around the graph, as a fraction of the canvas. */
const PADDING = 0.1;

export function openingViewport(bounds: Bounds, width: number, height: number, minZoom: number, readableZoom: number): Viewport {
  const whole = getViewportForBounds(bounds, width, height, minZoom, 1, PADDING);
  if (whole.zoom >= readableZoom || bounds.width <= 0) return whole;
  const byWidth = Math.min(1, (width * (1 - PADDING)) / bounds.width);
  if (byWidth <= whole.zoom) return whole;
  return { zoom: byWidth, x: (width - bounds.width * byWidth) / 2 - bounds.x * byWidth, y: (height * PADDING) / 2 - bounds.y * byWidth };
}
