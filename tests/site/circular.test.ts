/**
 * The circular of 河南省's children at 2024-06 from fixtures/basic (the real progress query in
 * DuckDB): its sentences in the bureaus' order, one ranking per indicator, the page's markup,
 * and the Word file read back with mammoth (every sentence and every table cell), A4 with a
 * landscape section for the tables, in Chinese fonts, and the same bytes each time.
 */
import { strFromU8, unzipSync } from 'fflate';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine/types.ts';
import type { Locale } from '../../src/lib/i18n.ts';
import { queries, runQuery } from '../../src/queries/index.ts';
import type { ProgressRow } from '../../src/queries/progress.ts';
import { INTERNAL_MARK } from '../../src/site/audience.ts';
import { circularDocx } from '../../src/site/circular-docx.ts';
import { circular, circularBody, type Circular, type CircularIndicator, type CircularInput } from '../../src/views/circular.ts';
import { openBasic } from '../queries/helpers.ts';

let engine: Engine;
let rows: ProgressRow[];
let indicators: CircularIndicator[];

beforeAll(async () => {
  engine = await openBasic();
  rows = await runQuery(engine, queries.progress, { period: '2024-06', parent: '410000', indicator: null });
  indicators = (await engine.query('SELECT id, name_zh, name_en, unit, decimals, source FROM indicators ORDER BY id')) as unknown as CircularIndicator[];
});
afterAll(async () => {
  await engine?.close();
});

function henanInput(locale: Locale): CircularInput {
  const ids = ['consumer_complaints', 'online_share', 'retail_sales', 'gdp'];
  return {
    parent: { code: '410000', name_zh: '河南省', name_en: 'Henan' },
    period: '2024-06',
    locale,
    version: 'v-test',
    dataAsOf: locale === 'en' ? '15 Jul 2024' : '2024年7月15日',
    columns: ids.map((id) => ({ indicator: indicators.find((i) => i.id === id)!, rows: rows.filter((r) => r.indicator === id) })),
  };
}

const henan = (locale: Locale): Circular => circular(henanInput(locale));

const paragraphs = (c: Circular) => c.sections.flatMap((s) => [s.heading, ...s.parts.map((p) => p.text)]);

describe('the circular', () => {
  it('says the period, the overall progress, who is on track on everything, then per indicator who is behind and the first three', () => {
    const c = henan('zh-CN');
    expect(c.title).toBe('河南省商务主要指标目标任务进度通报（2024年1-6月）');
    expect(paragraphs(c)).toEqual([
      '一、总体进度',
      '2024年1-6月，时间进度50.0%。',
      '分指标看，消费投诉3个地区中2个达到目标进度；网络零售额占比1个地区中0个达到目标；社会消费品零售总额5个地区中4个达到目标进度。',
      '许昌市、洛阳市、鹤壁市等3个地区各项指标均达到目标进度。',
      '二、分指标情况',
      '消费投诉',
      '开封市消费投诉超出控制目标。',
      '消费投诉总量前三位是许昌市、郑州市（并列第2）、洛阳市（并列第2）（4个地区参与排名）。',
      '网络零售额占比',
      '郑州市网络零售额占比未达到目标。',
      '社会消费品零售总额',
      '郑州市社会消费品零售总额未达到时间进度。',
      '社会消费品零售总额总量前三位是许昌市、郑州市（并列第2）、洛阳市（并列第2）（5个地区参与排名）。',
    ]);
    // gdp has no figure at 2024-06: nobody is judged on it, so the circular says nothing of it.
    expect(c.tables.map((t) => t.indicator.id)).toEqual(['consumer_complaints', 'online_share', 'retail_sales']);
    expect(c.sourceLine).toBe('资料来源：fixture。目标来源：fixture。');
    expect(c.versionLine).toBe('数据版本 v-test · 数据截至2024年7月15日');
  });

  it('ranks one basis among one level: a growth target does not start a second ranking, a special zone is not first among prefectures', () => {
    const retail = henan('zh-CN').tables.find((t) => t.indicator.id === 'retail_sales')!;
    expect(retail.caption).toBe('社会消费品零售总额（2024年1-6月，按总量排名）');
    expect(retail.header).toEqual(['排名', '地区', '数值', '同比增长', '年度目标', '完成进度', '状态']);
    expect(retail.rows.map((r) => r.cells)).toEqual([
      ['1', '许昌市', '5,200亿元', '3.0%', '5,000亿元以上', '104.0%', '已完成，超出54.0个百分点'],
      ['2（并列）', '郑州市', '2,340亿元', '5.0%', '5,000亿元以上', '46.8%', '慢于进度3.2个百分点'],
      ['2（并列）', '洛阳市', '2,340亿元', '6.5%', '4,000亿元以上', '58.5%', '快于进度8.5个百分点'],
      ['4', '鹤壁市', '1,500亿元', '5.0%', '增长4%以上', '—', '高于目标1.0个百分点'],
      ['5', '开封市', '1,100亿元', '8.0%', '2,000亿元以上', '55.0%', '快于进度5.0个百分点'],
      ['—', '平顶山市', '保密', '—', '1,000亿元以上', '—', '保密'],
      ['—', '安阳市', '—', '—', '1,500亿元以上', '—', '无数据'],
      ['—', '郑州航空港区', '800亿元', '12.0%', '—', '—', '无目标'],
    ]);
  });

  it('names each source once in its source line, on the page and in the Word file, though rows repeat them and a field names several', async () => {
    const a = 'https://a.example/targets-2024';
    const fields = [`${a} | https://b.example/henan`, a, `${a} | https://c.example/news`, null, `https://b.example/henan | ${a}`];
    const c = circular({
      ...henanInput('zh-CN'),
      columns: henanInput('zh-CN').columns.map((col) => ({ ...col, rows: col.rows.map((r, i) => ({ ...r, target_source: fields[i % fields.length]! })) })),
    });
    expect(c.sourceLine).toBe(`资料来源：fixture。目标来源：${a}；https://b.example/henan；https://c.example/news。`);
    const html = circularBody(c, { hrefFor: (code) => `/jurisdictions/${code}/`, indicatorHref: (id) => `/indicators/${id}/` });
    const word = (await mammoth.extractRawText({ buffer: Buffer.from(await circularDocx(c, null)) })).value;
    for (const said of [html, word]) expect(said.split(a)).toHaveLength(2);
  });

  it('says the same in English', () => {
    const c = henan('en');
    expect(paragraphs(c).slice(0, 4)).toEqual([
      '1. Overall progress',
      'Jan–Jun 2024: 50.0% of the year elapsed.',
      'By indicator: Consumer complaints, 2 of 3 units on track; Online share of retail sales, 0 of 1 units at or above the target; Retail sales of consumer goods, 4 of 5 units on track.',
      'Xuchang, Luoyang and Hebi (3 units) are on track on every indicator.',
    ]);
    expect(c.tables[2]!.rows[1]!.cells).toEqual(['2 (tied)', 'Zhengzhou', '234.0 billion yuan', '5.0%', 'at least 500 billion yuan', '46.8%', '3.2 pp behind pace']);
  });

  it('draws the sentences as paragraphs and the tables with the verdicts every page prints', () => {
    const html = circularBody(henan('zh-CN'), { hrefFor: (code) => `/jurisdictions/${code}/`, indicatorHref: (id) => `/indicators/${id}/` });
    for (const p of paragraphs(henan('zh-CN'))) expect(html).toContain(`>${p}</`);
    expect(html.match(/<table /g)).toHaveLength(3);
    expect(html).toContain('<section class="circular-tables print-landscape">');
    expect(html).toMatch(/<td class="verdict status-behind" data-jurisdiction="410100" data-indicator="retail_sales" data-period="2024-06" data-status="behind" data-gap-pp="-3.2">慢于进度3.2个百分点<\/td>/);
  });
});

/** The text of one entry of a ZIP archive. */
function zipEntry(zip: Uint8Array, name: string): string {
  const entry = unzipSync(zip, { filter: (f) => f.name === name })[name];
  if (!entry) throw new Error(`${name} is not in the archive`);
  return strFromU8(entry);
}

/** The names of the entries of a ZIP archive. */
const zipNames = (zip: Uint8Array): string[] => Object.keys(unzipSync(zip)).sort();

describe('the Word file', () => {
  it('holds every sentence and every cell of the ranking tables (read back with mammoth)', async () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      const c = henan(locale);
      const bytes = await circularDocx(c, '2024-07-15T02:00:00Z');
      const text = (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value;
      for (const line of [c.title, c.dateLine, ...paragraphs(c), c.tablesHeading, ...c.tables.map((t) => t.caption), c.sourceLine, c.versionLine]) expect(text).toContain(line);
      const html = (await mammoth.convertToHtml({ buffer: Buffer.from(bytes) })).value;
      const tables = [...html.matchAll(/<table>([\s\S]*?)<\/table>/g)].map((m) => [...m[1]!.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((r) => [...r[1]!.matchAll(/<t[dh]>([\s\S]*?)<\/t[dh]>/g)].map((x) => x[1]!.replace(/<[^>]+>/g, ''))));
      const withMarks = (t: Circular['tables'][number]) => [t.header, ...t.rows.map((r) => r.cells.map((cell, i) => (i === 2 && r.mark ? cell + r.mark : cell)))];
      expect(tables).toEqual(c.tables.map((t) => withMarks(t).map((cells) => cells.map((s) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;')))));
    }
  });

  it('is A4, the tables on landscape pages, Chinese in 仿宋/黑体/宋体, and the same bytes each time', async () => {
    const c = henan('zh-CN');
    const bytes = await circularDocx(c, '2024-07-15T02:00:00Z');
    expect(Buffer.from(await circularDocx(c, '2024-07-15T02:00:00Z')).equals(Buffer.from(bytes))).toBe(true);
    const doc = zipEntry(bytes, 'word/document.xml');
    expect(doc).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
    expect(doc).toContain('<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>');
    const styles = zipEntry(bytes, 'word/styles.xml');
    for (const face of ['仿宋', '黑体', '宋体']) expect(styles).toContain(`w:eastAsia="${face}"`);
    expect(zipEntry(bytes, 'docProps/core.xml')).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2024-07-15T02:00:00Z</dcterms:modified>');
  });

  it('says 内部资料 / Internal at the top of every page of the internal site’s file, and the public file never does', async () => {
    const c = henan('zh-CN');
    const internal = await circularDocx(c, '2024-07-15T02:00:00Z', { internal: true });
    const doc = zipEntry(internal, 'word/document.xml');
    // Both sections (the text, portrait, and the tables, landscape) name the same default header.
    const refs = [...doc.matchAll(/<w:sectPr\b[\s\S]*?<\/w:sectPr>/g)].map((m) => /<w:headerReference w:type="default" r:id="([^"]+)"\/>/.exec(m[0])?.[1]);
    expect(refs).toHaveLength(2);
    expect(refs.every((r) => r !== undefined)).toBe(true);
    const rels = zipEntry(internal, 'word/_rels/document.xml.rels');
    const headers = refs.map((id) => new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)?.[1]);
    for (const file of headers) expect(zipEntry(internal, `word/${file}`)).toContain(`<w:t xml:space="preserve">${INTERNAL_MARK}</w:t>`);
    // mammoth reads the body only (it drops headers), which is the same as the public file's.
    const publicBytes = await circularDocx(c, '2024-07-15T02:00:00Z');
    expect((await mammoth.extractRawText({ buffer: Buffer.from(internal) })).value).toBe((await mammoth.extractRawText({ buffer: Buffer.from(publicBytes) })).value);
    expect(zipNames(publicBytes).filter((n) => n.includes('header'))).toEqual([]);
    for (const name of zipNames(publicBytes)) expect(zipEntry(publicBytes, name), name).not.toContain('内部资料');
  });
});
