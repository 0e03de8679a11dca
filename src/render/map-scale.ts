/**
 * Classed colour scales for choropleths. Classes, not a continuous ramp: a reader matches a
 * region to a legend entry with printed bounds, and the bounds are round numbers.
 */
import { bisectRight, quantileSorted, scaleLinear, schemeBlues, schemeBrBG } from 'd3';

/** Levels (amounts, counts): light to dark. */
export interface SequentialSpec {
  type: 'sequential';
  /** `quantile` (default): about as many regions in each class; `nice`: equal round steps. */
  method?: 'quantile' | 'nice';
  /** Number of classes, 1–8 (default 5). */
  classes?: number;
  /** Explicit class breaks, ascending; overrides `method` and `classes`. */
  thresholds?: readonly number[];
}

/** Growth rates and gaps: two hues meeting at `center`, which is always a class boundary. */
export interface DivergingSpec {
  type: 'diverging';
  center?: number;
  /** Classes on each side of the centre, 1–4 (default 3). */
  classesPerSide?: number;
  /** Explicit class breaks, ascending; must include `center`. */
  thresholds?: readonly number[];
}

export type ScaleSpec = SequentialSpec | DivergingSpec;

export interface Classes {
  /** Ascending breaks; a value v is in class `bisectRight(thresholds, v)` (lower bound included). */
  thresholds: number[];
  /** One colour per class: `thresholds.length + 1` of them. */
  colors: string[];
  /** Smallest and largest value classified, for the outer legend labels. */
  extent: [number, number] | null;
}

// Blues without its near-white first step: the white region borders must show on every class.
function sequentialColors(k: number): string[] {
  if (k <= 1) return ['#6baed6'];
  const scheme = schemeBlues[Math.min(k, 8) + 1];
  if (!scheme) throw new Error(`no Blues scheme for ${k} classes`);
  return scheme.slice(1);
}

// BrBG (ColorBrewer, colour-blind safe) with its two palest middle steps removed, so the
// classes just below and just above the centre already differ clearly in hue, and the white
// borders stay visible. Brown below, teal above: no red/green, and no red, which reads as
// "up" to many Chinese readers and "bad" to others.
function divergingColors(perSide: number): string[] {
  const n = Math.max(1, Math.min(4, perSide));
  const scheme = schemeBrBG[2 * n + 2];
  if (!scheme) throw new Error(`no BrBG scheme for ${n} classes a side`);
  return [...scheme.slice(0, n), ...scheme.slice(n + 2)];
}

/** Rounds to a multiple of `step` without binary noise (0.1 + 0.2 style). */
function roundTo(v: number, step: number): number {
  const digits = Math.max(0, -Math.floor(Math.log10(step)));
  return Number((Math.round(v / step) * step).toFixed(digits));
}

/**
 * A power of ten between a thousandth and a hundredth of the span: bounds short enough to
 * read (1,230 rather than 1,187.4), fine enough that neighbouring quantiles stay apart.
 */
function roundingStep(span: number): number {
  return span > 0 ? 10 ** (Math.floor(Math.log10(span)) - 2) : 1;
}

/** 1, 2, 2.5 or 5 times a power of ten, at least `x`. */
function niceStep(x: number): number {
  if (!(x > 0)) return 1;
  const p = 10 ** Math.floor(Math.log10(x));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= x - 1e-12 * p) return m * p;
  return 10 * p;
}

function sorted(values: readonly number[]): number[] {
  return values.filter(Number.isFinite).sort((a, b) => a - b);
}

/** Classes for the values drawn (only `ok` values: suppressed and missing are never classified). */
export function classify(values: readonly number[], spec: ScaleSpec): Classes {
  const v = sorted(values);
  const extent: [number, number] | null = v.length ? [v[0]!, v[v.length - 1]!] : null;
  return spec.type === 'diverging' ? diverging(v, extent, spec) : sequential(v, extent, spec);
}

function sequential(v: number[], extent: [number, number] | null, spec: SequentialSpec): Classes {
  if (spec.thresholds) return withColors(checkAscending(spec.thresholds), sequentialColors, extent);
  const k = Math.max(1, Math.min(8, Math.round(spec.classes ?? 5)));
  if (!extent || extent[0] === extent[1] || k === 1) return { thresholds: [], colors: sequentialColors(1), extent };
  const [lo, hi] = extent;
  let t: number[];
  if ((spec.method ?? 'quantile') === 'nice') {
    const ticks = scaleLinear().domain([lo, hi]).nice(k).ticks(k);
    t = ticks.slice(1, -1);
  } else {
    // Quantile breaks rounded to the span's scale, so the legend says 1,200 rather than 1,187.4.
    const step = roundingStep(hi - lo);
    t = [];
    for (let i = 1; i < k; i++) t.push(roundTo(quantileSorted(v, i / k)!, step));
  }
  // Rounding can merge breaks or push one past the data: keep each class non-empty in range.
  const thresholds = [...new Set(t)].filter((x) => x > lo && x <= hi).sort((a, b) => a - b);
  return { thresholds, colors: sequentialColors(thresholds.length + 1), extent };
}

function diverging(v: number[], extent: [number, number] | null, spec: DivergingSpec): Classes {
  const c = spec.center ?? 0;
  if (spec.thresholds) {
    const t = checkAscending(spec.thresholds);
    const below = t.filter((x) => x < c).length;
    if (!t.includes(c) || below !== t.length - 1 - below) {
      throw new Error(`diverging thresholds must include the centre ${c} with as many breaks on each side`);
    }
    return { thresholds: [...t], colors: divergingColors(below + 1), extent };
  }
  const n = Math.max(1, Math.min(4, Math.round(spec.classesPerSide ?? 3)));
  const reach = extent ? Math.max(Math.abs(extent[0] - c), Math.abs(extent[1] - c)) : 0;
  // Symmetric steps: the same distance from the centre means the same depth of colour on
  // either side, even when the data reach further on one side.
  const step = niceStep(reach / n);
  const thresholds: number[] = [];
  for (let i = -(n - 1); i <= n - 1; i++) thresholds.push(roundTo(c + i * step, step / 100));
  return { thresholds, colors: divergingColors(n), extent };
}

function checkAscending(t: readonly number[]): number[] {
  for (let i = 0; i < t.length; i++) {
    if (!Number.isFinite(t[i]!) || (i > 0 && !(t[i]! > t[i - 1]!))) throw new Error(`thresholds must be finite and strictly ascending: ${t.join(', ')}`);
  }
  return [...t];
}

function withColors(thresholds: number[], colors: (k: number) => string[], extent: [number, number] | null): Classes {
  return { thresholds, colors: colors(thresholds.length + 1), extent };
}

/** The class index of a value. */
export function classOf(classes: Classes, value: number): number {
  return bisectRight(classes.thresholds, value);
}

export function colorOf(classes: Classes, value: number): string {
  return classes.colors[classOf(classes, value)]!;
}

/** Decimals needed to print every break exactly (capped: breaks are rounded anyway). */
export function decimalsFor(values: readonly number[]): number {
  let d = 0;
  for (const x of values) {
    while (d < 6 && Math.abs(Number(x.toFixed(d)) - x) > 1e-9 * Math.max(1, Math.abs(x))) d++;
  }
  return d;
}

/** Legend labels for the classes: "< a", "a – b", …, "≥ z". */
export function classLabels(classes: Classes, format: (v: number) => string): string[] {
  const t = classes.thresholds;
  if (t.length === 0) {
    if (!classes.extent) return [];
    const [lo, hi] = classes.extent;
    return [lo === hi ? format(lo) : `${format(lo)} – ${format(hi)}`];
  }
  const labels = [`< ${format(t[0]!)}`];
  for (let i = 1; i < t.length; i++) labels.push(`${format(t[i - 1]!)} – ${format(t[i]!)}`);
  labels.push(`≥ ${format(t[t.length - 1]!)}`);
  return labels;
}
