/**
 * The one place the site runs queries in the reader's browser: a reader picks a period the
 * static page does not show, and the same catalog query the build ran is run in DuckDB-WASM.
 * The engine (≈5–8 MB compressed) is fetched only then, never on page view.
 */
import { formatPct, formatPeriod, formatSigned, formatValue, sharedDecimals } from '../lib/format.ts';
import type { Locale } from '../lib/i18n.ts';
import type { Unit } from '../lib/schema.ts';
import type { ProgressRow } from '../queries/progress.ts';
import { inPp, t } from '../site/strings.ts';
import { verdictMarkup } from '../render/verdict.ts';

interface ExploreConfig {
  indicator: string;
  parent: string;
  unit: Unit;
  decimals: number;
  locale: Locale;
  dataUrl: string;
  jurisdictionBase: string;
}

const WORDS = {
  loading: { 'zh-CN': '正在加载浏览器查询引擎（首次约 5–8 MB）…', en: 'Loading the in-browser query engine (about 5–8 MB the first time)…' },
  loadingData: { 'zh-CN': '正在载入数据…', en: 'Loading the data…' },
  querying: { 'zh-CN': '正在查询…', en: 'Querying…' },
  done: { 'zh-CN': '查询完成，用时', en: 'Done in' },
  failed: { 'zh-CN': '查询失败：', en: 'The query failed: ' },
} as const;

function cell(tag: 'td' | 'th', text: string, numeric = false): HTMLTableCellElement {
  const c = document.createElement(tag);
  c.textContent = text;
  if (numeric) c.className = 'num';
  if (tag === 'th') c.scope = 'row';
  return c;
}

function renderTable(rows: ProgressRow[], cfg: ExploreConfig, period: string): HTMLTableElement {
  const { locale } = cfg;
  const table = document.createElement('table');
  const caption = table.createCaption();
  caption.textContent = formatPeriod(period, locale);
  const head = table.createTHead().insertRow();
  // The static page's words (src/site/strings.ts), so both tables name their columns alike.
  const headers: [string, boolean][] = [
    [t('rank', locale), true], [t('jurisdiction', locale), false], [t('value', locale), true], [t('yoy', locale), true],
    [t('completion', locale), true], [inPp('paceGap', locale), true], [inPp('growthGap', locale), true], [t('status', locale), false],
  ];
  for (const [text, numeric] of headers) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = text;
    if (numeric) th.className = 'num';
    head.append(th);
  }
  const decimals = sharedDecimals(rows.map((r) => r.value), cfg.decimals);
  const signed = (x: number | null): string => (x == null ? '—' : formatSigned(x));
  const body = table.createTBody();
  const sorted = [...rows].sort((a, b) => (a.value_rank ?? 1e9) - (b.value_rank ?? 1e9) || a.jurisdiction.localeCompare(b.jurisdiction));
  for (const r of sorted) {
    const tr = body.insertRow();
    const name = cfg.locale === 'en' && r.name_en ? r.name_en : r.name_zh;
    const th = cell('th', '');
    const a = document.createElement('a');
    a.href = `${cfg.jurisdictionBase}${r.jurisdiction}/`;
    a.textContent = name;
    th.append(a);
    tr.append(
      cell('td', r.value_rank == null ? '—' : String(r.value_rank), true),
      th,
      cell('td', formatValue(r.value, { unit: cfg.unit, decimals, locale, flag: (r.flag ?? '') as never }), true),
      cell('td', formatPct(r.yoy_pct), true),
      cell('td', r.completion == null ? '—' : formatPct(r.completion * 100), true),
      cell('td', signed(r.pace_gap_pp), true),
      cell('td', signed(r.growth_gap_pp), true),
    );
    // the verdict as every static page prints it (same renderer, same data attributes)
    tr.insertAdjacentHTML('beforeend', verdictMarkup(r, locale, { tag: 'td' }));
  }
  return table;
}

function setup(root: HTMLElement): void {
  const cfg = JSON.parse(root.dataset.config ?? '{}') as ExploreConfig;
  const form = root.querySelector('form')!;
  const status = root.querySelector<HTMLElement>('[role="status"]')!;
  const out = root.querySelector<HTMLElement>('.explore-result')!;
  const w = (k: keyof typeof WORDS) => WORDS[k][cfg.locale];
  root.hidden = false;
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const period = new FormData(form).get('period') as string;
    const t0 = performance.now();
    status.textContent = w('loading');
    try {
      const [{ openWasmEngine }, { queries, runQuery }, { CATALOG_TABLES }] = await Promise.all([
        import('../engine/wasm.ts'),
        import('../queries/index.ts'),
        import('../engine/tables.ts'),
      ]);
      const engine = await openWasmEngine(cfg.dataUrl, {
        tables: CATALOG_TABLES,
        onProgress: (p) => (status.textContent = p.phase === 'loading data' ? w('loadingData') : p.phase === 'ready' ? w('querying') : w('loading')),
      });
      const rows = await runQuery(engine, queries.progress, { period, parent: cfg.parent, indicator: cfg.indicator });
      out.replaceChildren(renderTable(rows, cfg, period));
      status.textContent = `${w('done')} ${((performance.now() - t0) / 1000).toFixed(1)} s`;
    } catch (err) {
      status.textContent = `${w('failed')}${err instanceof Error ? err.message : String(err)}`;
    }
  });
}

for (const el of document.querySelectorAll<HTMLElement>('.explore')) setup(el);
