import { describe, expect, it } from 'vitest';
import {
  DETAIL_ZOOM,
  FIT_PADDING,
  FIT_PADDING_PX,
  READABLE_ZOOM,
  fitZoom,
  isFarOut,
  openingViewport,
} from './viewport.js';

const canvas = { width: 1100, height: 780 };
const freeW = canvas.width - FIT_PADDING.left - FIT_PADDING.right;

describe('fitZoom', () => {
  it('is limited by whichever side of the drawing is tighter, inside the padding', () => {
    const freeH = canvas.height - FIT_PADDING.top - FIT_PADDING.bottom;
    expect(fitZoom({ x: 0, y: 0, width: freeW, height: 10 }, canvas)).toBeCloseTo(1);
    expect(fitZoom({ x: 0, y: 0, width: 10, height: freeH * 2 }, canvas)).toBeCloseTo(0.5);
  });
  it('is 0 when the canvas has no room', () => {
    expect(fitZoom({ x: 0, y: 0, width: 100, height: 100 }, { width: 100, height: 50 })).toBe(0);
  });
});

describe('openingViewport', () => {
  it('fits a small pathway (null = fit everything)', () => {
    const bounds = { x: 0, y: 0, width: 600, height: 500 };
    expect(openingViewport(bounds, canvas, { x: 200, y: 0, width: 220, height: 84 })).toBeNull();
  });

  it('fits when the canvas has no size yet', () => {
    const bounds = { x: 0, y: 0, width: 6000, height: 5000 };
    expect(openingViewport(bounds, { width: 0, height: 0 }, null)).toBeNull();
  });

  it('opens a large pathway at the readable zoom with the start node at the top centre', () => {
    const bounds = { x: -100, y: 40, width: 4000, height: 3000 };
    const start = { x: 1500, y: 40, width: 220, height: 84 };
    const v = openingViewport(bounds, canvas, start)!;
    expect(v.zoom).toBe(READABLE_ZOOM);
    // the start node's screen position: x = v.x + flowX * zoom
    const left = v.x + start.x * v.zoom;
    const right = v.x + (start.x + start.width) * v.zoom;
    const top = v.y + start.y * v.zoom;
    expect((left + right) / 2).toBeCloseTo(FIT_PADDING.left + freeW / 2);
    expect(top).toBeCloseTo(FIT_PADDING.top);
  });

  it('centres a tall narrow pathway on its whole width, not on an off-centre start node', () => {
    const bounds = { x: 0, y: 0, width: 900, height: 6000 };
    const start = { x: 0, y: 0, width: 220, height: 84 };
    const v = openingViewport(bounds, canvas, start)!;
    expect(v.zoom).toBe(READABLE_ZOOM);
    const left = v.x + bounds.x * v.zoom;
    const right = v.x + (bounds.x + bounds.width) * v.zoom;
    expect(left).toBeGreaterThanOrEqual(FIT_PADDING.left);
    expect(right).toBeLessThanOrEqual(canvas.width - FIT_PADDING.right);
    expect((left + right) / 2).toBeCloseTo(FIT_PADDING.left + freeW / 2);
  });

  it('uses the top of the drawing when there is no start node', () => {
    const bounds = { x: 0, y: 300, width: 5000, height: 5000 };
    const v = openingViewport(bounds, canvas, null)!;
    expect(v.y + bounds.y * v.zoom).toBeCloseTo(FIT_PADDING.top);
  });
});

describe('level of detail', () => {
  it('draws the simplified picture only below DETAIL_ZOOM, which is below the readable zoom', () => {
    expect(DETAIL_ZOOM).toBeLessThan(READABLE_ZOOM);
    expect(isFarOut(DETAIL_ZOOM - 0.01)).toBe(true);
    expect(isFarOut(DETAIL_ZOOM)).toBe(false);
    expect(isFarOut(READABLE_ZOOM)).toBe(false);
  });
});

describe('FIT_PADDING_PX', () => {
  it('keeps the minimap corner clear: the right band is wider than the minimap', () => {
    expect(FIT_PADDING_PX.right).toBe(`${FIT_PADDING.right}px`);
    expect(FIT_PADDING.right).toBeGreaterThan(160);
  });
});
