// Where the topology opens (issue 18's benchmark): whole when readable, else fitted to its width
// from the top, so a tall graph (500 containers, grouping None) opens readable and draws only what
// is on screen.
import { describe, expect, it } from 'vitest';
import { openingViewport } from '../../../src/renderer/src/views/topology/opening-viewport';

const READABLE = 0.4;

describe('the opening viewport', () => {
  it('frames a small graph whole', () => {
    const v = openingViewport({ x: 0, y: 0, width: 1200, height: 600 }, 1600, 1000, 0.02, READABLE);
    expect(v.zoom).toBeGreaterThanOrEqual(READABLE);
    // Whole: the graph's right and bottom edges are on screen.
    expect(v.x + 1200 * v.zoom).toBeLessThanOrEqual(1600);
    expect(v.y + 600 * v.zoom).toBeLessThanOrEqual(1000);
  });

  it('opens a tall graph fitted to its width, its top at the top', () => {
    const bounds = { x: 10, y: 20, width: 3600, height: 22790 };
    const v = openingViewport(bounds, 1600, 1000, 0.02, READABLE);
    expect(v.zoom).toBeCloseTo((1600 * 0.9) / 3600);
    // Centred across, the top edge just below the canvas's top.
    expect(v.x + bounds.x * v.zoom).toBeCloseTo((1600 - 3600 * v.zoom) / 2);
    expect(v.y + bounds.y * v.zoom).toBeCloseTo(50);
  });

  it('never zooms past 1 to fit a narrow tall graph', () => {
    expect(openingViewport({ x: 0, y: 0, width: 230, height: 20000 }, 1600, 1000, 0.02, READABLE).zoom).toBe(1);
  });

  it('keeps the whole view of a wide graph that fitting its width would not enlarge', () => {
    const bounds = { x: 0, y: 0, width: 20000, height: 2000 };
    const whole = openingViewport(bounds, 1600, 1000, 0.02, READABLE);
    expect(whole.zoom).toBeLessThan(READABLE);
    expect(whole.y + bounds.height * whole.zoom).toBeLessThanOrEqual(1000);
  });
});
