/**
 * Observable Plot on the server: a linkedom document to draw into, and the finishing steps
 * that make a chart's markup deterministic and self-contained.
 *
 * Why each step exists:
 * - Plot numbers clip paths, patterns and markers from module-level counters
 *   (plot-clip-1, plot-clip-2, … for the life of the process), so the same chart gets other
 *   ids in another build, and two charts on one page can reuse a number. Every id is renamed
 *   from the chart's own prefix, in document order, and every url(#…) / href="#…" follows.
 * - Plot's root class (plot-d6a7b5) is a constant in Plot's source, not a hash of anything
 *   that varies, so it is stable; its <style> block is replaced by a short style attribute
 *   scoped to the one element (no page-wide selectors, ~60 bytes instead of ~200).
 * - Coordinates are rounded to 0.01 px (see roundGeometry).
 * - Plot's font stack has no CJK font; readers on Linux need "Noto Sans CJK SC" named.
 */
import { parseHTML } from 'linkedom';
import { checkIdPrefix } from './svg.ts';

export { checkIdPrefix };

/** System fonts first, then the CJK fonts of each platform, Noto for Linux and Android. */
export const FONT_FAMILY =
  "system-ui, -apple-system, 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', sans-serif";

/** A fresh, empty document per chart: nothing is shared between renders. */
export function createPlotDocument(): Document {
  const { document } = parseHTML('<!DOCTYPE html><html><head></head><body></body></html>');
  return document as unknown as Document;
}

/**
 * Rename every id under `root` to `${idPrefix}-${kind}-${n}` (kind from Plot's
 * `plot-<kind>-<counter>`, n counted per kind in document order; ids that are not Plot's get
 * the prefix in front), and rewrite references to them. Returns the old → new map.
 */
export function makeIdsDeterministic(root: Element, idPrefix: string): Map<string, string> {
  checkIdPrefix(idPrefix);
  const renamed = new Map<string, string>();
  const counts = new Map<string, number>();
  const withIds = [...(root.hasAttribute('id') ? [root] : []), ...root.querySelectorAll('[id]')];
  for (const el of withIds) {
    const old = el.getAttribute('id')!;
    if (old === idPrefix || old.startsWith(`${idPrefix}-`)) continue; // ours already
    const plot = /^plot-([a-z]+)-\d+$/.exec(old);
    let id: string;
    if (plot) {
      const kind = plot[1]!;
      const n = (counts.get(kind) ?? 0) + 1;
      counts.set(kind, n);
      id = `${idPrefix}-${kind}-${n}`;
    } else {
      id = `${idPrefix}-${old}`;
    }
    renamed.set(old, id);
    el.setAttribute('id', id);
  }
  if (renamed.size === 0) return renamed;
  const ref = /url\(#([^)]+)\)|^#(.+)$/g;
  for (const el of [root, ...root.querySelectorAll('*')]) {
    for (const name of attributeNames(el)) {
      const value = el.getAttributeNode(name)!.value;
      if (!value.includes('#')) continue;
      const next = value.replace(ref, (whole, inUrl?: string, inHref?: string) => {
        const target = renamed.get((inUrl ?? inHref)!);
        if (!target) return whole;
        return inUrl !== undefined ? `url(#${target})` : `#${target}`;
      });
      if (next !== value) el.setAttribute(name, next);
    }
  }
  return renamed;
}

/**
 * An element's attribute names, in order. Not `[...el.attributes]`: for that linkedom builds a
 * proxied NamedNodeMap per element, and reading the names instead takes a quarter off the time
 * the two walks below spend on every chart.
 */
const attributeNames = (el: Element): string[] => [...el.getAttributeNames()];

const GEOMETRY = new Set(['x', 'y', 'x1', 'x2', 'y1', 'y2', 'cx', 'cy', 'r', 'width', 'height', 'transform', 'd', 'points']);
const NUMBER = /-?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?/gi;

/**
 * Round the numbers in geometry attributes to 0.01 px. Scale arithmetic leaves tails like
 * 482.00000000000006 that cost bytes and would turn a last-bit difference between machines
 * into a byte difference; a hundredth of a pixel is below anything a screen or printer shows.
 */
export function roundGeometry(root: Element): void {
  for (const el of [root, ...root.querySelectorAll('*')]) {
    for (const name of attributeNames(el)) {
      if (!GEOMETRY.has(name)) continue;
      const value = el.getAttributeNode(name)!.value;
      const next = value.replace(NUMBER, (m) => String(Math.round(Number(m) * 100) / 100));
      if (next !== value) el.setAttribute(name, next);
    }
  }
}

export interface FinishOptions {
  idPrefix: string;
  /** Accessible name of the chart; also its <title> (the tooltip of the whole chart). */
  title: string;
  /** Longer text description (what the chart shows, in words), as <desc>. */
  description?: string;
  fontSize?: number;
}

/**
 * Finish a Plot SVG for static HTML: deterministic ids, our font stack, a scoped style in
 * place of Plot's <style>, <title>/<desc> first so assistive technology finds them.
 */
export function finishSvg<T extends SVGSVGElement>(svg: T, { idPrefix, title, description, fontSize = 12 }: FinishOptions): T {
  const doc = svg.ownerDocument;
  for (const style of [...svg.querySelectorAll('style')]) style.remove();
  // No display here: the page's stylesheet shows the wide or the narrow drawing (CHART_CSS in charts.ts).
  svg.setAttribute('style', 'max-width:100%;height:auto');
  svg.setAttribute('font-family', FONT_FAMILY);
  svg.setAttribute('font-size', String(fontSize));
  svg.setAttribute('role', 'img');
  // Plot names its mark groups ("rule", "bar") with aria-label, which ARIA forbids on a plain
  // group and which says nothing a reader needs inside an image (the numbers are in the
  // table). The name stays as data-mark, for tests and stylesheets.
  for (const g of [...svg.querySelectorAll('[aria-label]')]) {
    g.setAttribute('data-mark', g.getAttribute('aria-label') ?? '');
    g.removeAttribute('aria-label');
  }
  svg.setAttribute('aria-label', title);
  const titleEl = doc.createElementNS('http://www.w3.org/2000/svg', 'title');
  titleEl.textContent = title;
  const nodes: Element[] = [titleEl];
  if (description) {
    const desc = doc.createElementNS('http://www.w3.org/2000/svg', 'desc');
    desc.textContent = description;
    nodes.push(desc);
  }
  svg.prepend(...nodes);
  makeIdsDeterministic(svg, idPrefix);
  roundGeometry(svg);
  return svg;
}

/** The element's markup. linkedom's serialisation is a pure function of the tree. */
export const toHtml = (el: Element): string => el.outerHTML;
