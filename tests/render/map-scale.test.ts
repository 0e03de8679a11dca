import { describe, expect, it } from 'vitest';
import { classLabels, classOf, classify, decimalsFor } from '../../src/render/map-scale.ts';

const fmt = (v: number) => String(v);

describe('sequential classes', () => {
  const values = [12.3, 45.6, 78.9, 101.2, 150.5, 222.2, 310, 480.75, 650.1, 1187.4];

  it('defaults to five quantile classes with breaks rounded to the span', () => {
    const c = classify(values, { type: 'sequential' });
    expect(c.colors.length).toBe(5);
    expect(c.thresholds.length).toBe(4);
    // Span ≈ 1175: breaks are whole tens (the quantiles are 72.2, 130.8, 257.3, 514.6).
    expect(c.thresholds).toEqual([70, 130, 260, 510]);
    // About two regions a class.
    const counts = [0, 0, 0, 0, 0];
    for (const v of values) counts[classOf(c, v)]!++;
    expect(Math.max(...counts)).toBeLessThanOrEqual(3);
    expect(Math.min(...counts)).toBeGreaterThanOrEqual(1);
  });

  it('offers nice equal steps', () => {
    const c = classify([3, 17, 42, 58, 99], { type: 'sequential', method: 'nice' });
    expect(c.thresholds).toEqual([20, 40, 60, 80]);
    expect(classLabels(c, fmt)).toEqual(['< 20', '20 – 40', '40 – 60', '60 – 80', '≥ 80']);
  });

  it('takes explicit breaks', () => {
    const c = classify(values, { type: 'sequential', thresholds: [100, 500] });
    expect(c.thresholds).toEqual([100, 500]);
    expect(c.colors.length).toBe(3);
    expect(classOf(c, 100)).toBe(1); // lower bound included
    expect(() => classify(values, { type: 'sequential', thresholds: [5, 5] })).toThrow(/ascending/);
  });

  it('keeps classes non-empty when values repeat', () => {
    const c = classify([5, 5, 5, 5, 9], { type: 'sequential' });
    for (const t of c.thresholds) expect(t > 5 && t <= 9).toBe(true);
    expect(c.colors.length).toBe(c.thresholds.length + 1);
  });

  it('has one class for a single value and none for no value', () => {
    const one = classify([42], { type: 'sequential' });
    expect(one.thresholds).toEqual([]);
    expect(one.colors.length).toBe(1);
    expect(classLabels(one, fmt)).toEqual(['42']);
    const none = classify([], { type: 'sequential' });
    expect(classLabels(none, fmt)).toEqual([]);
  });

  it('ignores values that are not finite', () => {
    expect(classify([1, Number.NaN, 3, Infinity], { type: 'sequential' }).extent).toEqual([1, 3]);
  });
});

describe('diverging classes', () => {
  it('puts the centre on a class boundary with symmetric round steps', () => {
    const c = classify([-2, 3, -7.5, 12, 0.4], { type: 'diverging', center: 0 });
    expect(c.thresholds).toEqual([-10, -5, 0, 5, 10]);
    expect(c.colors.length).toBe(6);
    expect(classOf(c, -2)).toBe(2);
    expect(classOf(c, 3)).toBe(3);
    expect(classOf(c, 0)).toBe(3); // zero counts as on or above the centre (e.g. pace met)
  });

  it('uses a brown half and a teal half, never the same colour twice', () => {
    const c = classify([-1, 1], { type: 'diverging' });
    expect(new Set(c.colors).size).toBe(c.colors.length);
    expect(c.colors.slice(0, 3)).toEqual(['#8c510a', '#bf812d', '#dfc27d']);
    expect(c.colors.slice(3)).toEqual(['#80cdc1', '#35978f', '#01665e']);
  });

  it('supports another centre and another number of classes a side', () => {
    const c = classify([95, 103, 99], { type: 'diverging', center: 100, classesPerSide: 2 });
    // Reach 5 over two classes a side: steps of 2.5.
    expect(c.thresholds).toEqual([97.5, 100, 102.5]);
    expect(c.colors.length).toBe(4);
  });

  it('checks explicit breaks are balanced around the centre', () => {
    expect(classify([1], { type: 'diverging', thresholds: [-1, 0, 1] }).colors.length).toBe(4);
    expect(() => classify([1], { type: 'diverging', thresholds: [-1, 1] })).toThrow(/centre/);
    expect(() => classify([1], { type: 'diverging', thresholds: [-2, -1, 0, 1] })).toThrow(/centre/);
  });

  it('still has a boundary at the centre when every value is on it', () => {
    const c = classify([0, 0], { type: 'diverging' });
    expect(c.thresholds).toContain(0);
  });
});

describe('decimalsFor', () => {
  it('finds the decimals that print every bound exactly', () => {
    expect(decimalsFor([100, 200])).toBe(0);
    expect(decimalsFor([0.5, 1])).toBe(1);
    expect(decimalsFor([2.5, 0.25])).toBe(2);
  });
});
