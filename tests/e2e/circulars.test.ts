/**
 * The circulars of a built site: one for every board parent at every period of the current and
 * the previous year, in both languages, linked from the board and the data page; each page in
 * the bureaus' order; and its Word file beside it, named with the parent's code, read back with
 * mammoth: every sentence and every ranking-table cell of the page is in it.
 */
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { htmlPages, scanHtml, templateOf } from '../support/site.ts';
import { linksOf, sites } from './helpers.ts';

/** What a circular page says: its paragraphs (in sections) and its ranking tables' cells, from the static HTML. */
function readCircular(html: string): { h1: string; paragraphs: string[]; tables: string[][][] } {
  const paragraphs: string[] = [];
  const tables: string[][][] = [];
  const stack: string[] = [];
  let h1 = '';
  let text: string[] | null = null;
  let inSection = 0;
  let inTable = false;
  let skip = false;
  scanHtml(
    html,
    ({ name, attrs }) => {
      const cls = attrs.get('class') ?? '';
      if (name === 'section' && cls.startsWith('circular-')) inSection++;
      if (name === 'table' && cls === 'circular-ranking') (inTable = true), tables.push([]);
      if (inTable && name === 'tr') tables.at(-1)!.push([]);
      if (name === 'h1' || (inSection && ['h2', 'h3', 'p'].includes(name)) || (inTable && ['td', 'th'].includes(name))) (text = []), stack.push(name);
      // The screen-reader reading of a flagged figure is not part of the printed cell.
      if (cls === 'sr-only') skip = true;
    },
    (t) => {
      if (!skip) text?.push(t);
    },
    (name) => {
      if (name === 'span') skip = false;
      if (name === 'section') inSection = Math.max(0, inSection - 1);
      if (name === 'table') inTable = false;
      if (stack.at(-1) !== name) return;
      stack.pop();
      const said = (text ?? []).join('').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').trim();
      if (name === 'h1') h1 = said;
      else if (name === 'td' || name === 'th') tables.at(-1)!.at(-1)!.push(said);
      else paragraphs.push(said);
      text = null;
    },
  );
  return { h1, paragraphs, tables };
}

describe.each(sites)('%s site: circulars', (name, site) => {
  const pages = htmlPages(site.crawl);
  const circulars = pages.filter((u) => templateOf(u.path)?.template === 'circular');
  const boards = pages.filter((u) => ['progress', 'progress-parent'].includes(templateOf(u.path)?.template ?? ''));

  it('has a circular for every board, in both languages, each reached from the board and with its Word file', async () => {
    expect(circulars.length, `no circular page in the ${name} site`).toBeGreaterThan(0);
    for (const lang of ['/', '/en/']) {
      const ofLang = circulars.filter((u) => (lang === '/en/') === u.path.startsWith('/en/'));
      const parents = new Set(ofLang.map((u) => u.path.split('/').at(-3)));
      expect(parents.size, `circulars under ${lang} for ${[...parents].join(', ')}`).toBe(boards.filter((b) => (lang === '/en/') === b.path.startsWith('/en/')).length);
    }
    for (const u of circulars) {
      const [parent, period] = u.path.split('/').slice(-3, -1);
      const docx = site.crawl.urls.find((x) => x.path === `${u.path}circular-${parent}-${period}.docx`);
      expect(docx?.status, `${u.path}: its Word file`).toBe(200);
    }
    // The board links its latest period's circular; so does the data page.
    const circularPaths = new Set(circulars.map((u) => u.path));
    const linkedFromBoards = new Set<string>();
    for (const b of boards) {
      const linked = (await linksOf(site.origin, b.path)).filter((p) => circularPaths.has(p));
      expect(linked.length, `${b.path} links its circular`).toBeGreaterThan(0);
      for (const p of linked) linkedFromBoards.add(p);
    }
    expect(linkedFromBoards.size).toBe(boards.length);
    expect((await linksOf(site.origin, '/data/')).some((p) => circularPaths.has(p))).toBe(true);
  });

  it('has the periods of the current and the previous year only', () => {
    const years = [...new Set(circulars.map((u) => Number(u.path.split('/').at(-2)!.slice(0, 4))))].sort();
    expect(years.length).toBeLessThanOrEqual(2);
    if (years.length === 2) expect(years[1]! - years[0]!).toBe(1);
  });

  it.each(['zh', 'en'] as const)('the %s Word file holds every sentence and every ranking cell of its page', async (lang) => {
    // The root's circular at its latest period: the largest.
    const ofLang = circulars.filter((u) => (lang === 'en') === u.path.startsWith('/en/')).sort((a, b) => (a.path < b.path ? 1 : -1));
    const page = ofLang.find((u) => u.html!.tables === Math.max(...ofLang.map((x) => x.html!.tables)))!;
    const html = await (await fetch(site.origin + page.path)).text();
    const said = readCircular(html);
    expect(said.paragraphs.length).toBeGreaterThan(3);
    expect(said.tables.length).toBeGreaterThan(0);
    expect(said.paragraphs[0]).toBe(lang === 'en' ? '1. Overall progress' : '一、总体进度');
    const [parent, period] = page.path.split('/').slice(-3, -1);
    const res = await fetch(`${site.origin}${page.path}circular-${parent}-${period}.docx`);
    expect(res.status).toBe(200);
    const buffer = Buffer.from(await res.arrayBuffer());
    const text = (await mammoth.extractRawText({ buffer })).value;
    const missing = [said.h1, ...said.paragraphs].filter((p) => !text.includes(p));
    expect(missing, 'sentences of the page missing from the Word file').toEqual([]);
    const wordTables = [...(await mammoth.convertToHtml({ buffer })).value.matchAll(/<table>([\s\S]*?)<\/table>/g)].map((m) =>
      [...m[1]!.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((r) => [...r[1]!.matchAll(/<t[dh]>([\s\S]*?)<\/t[dh]>/g)].map((x) => x[1]!.replace(/<[^>]+>/g, '').replace(/&amp;/g, '&'))),
    );
    expect(wordTables).toEqual(said.tables);
  });
});
