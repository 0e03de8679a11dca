/**
 * The circular as a Word file, for the bureau to edit before issuing it: the title, the date
 * line, the sentences as paragraphs, the ranking tables as Word tables (on landscape pages),
 * the source and the data version at the end. Built with `docx` from the same `Circular` the
 * page draws (src/views/circular.ts), so the two say the same.
 *
 * A4, in the fonts a circular is set in and Chinese Windows has: the title in 宋体 (SimSun),
 * headings in 黑体 (SimHei), the text in 仿宋 (FangSong), Latin and digits in Times New Roman.
 * The same commit gives the same bytes: the file's timestamps (the document's created and
 * modified dates, the ZIP entries' times) are the data's "as of", not the time of the build.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  SectionType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { Circular } from '../views/circular.ts';
import { INTERNAL_MARK } from './audience.ts';

/** A4 in twentieths of a point (portrait; docx swaps them for a landscape section). */
const A4 = { width: 11906, height: 16838 } as const;
/** Margins of a 公文 page, about 37/35/28/26 mm, in twips. */
const MARGIN = { top: 2098, bottom: 1984, left: 1587, right: 1474 } as const;
const LATIN = 'Times New Roman';
const font = (eastAsia: string) => ({ ascii: LATIN, hAnsi: LATIN, cs: LATIN, eastAsia });
/** Sizes in half-points: 二号 22 pt, 三号 16 pt, 四号 14 pt, 五号 10.5 pt. */
const SIZE = { title: 44, text: 32, small: 28, table: 21 } as const;
/** 首行缩进两字, as official documents are set (a character of 三号 is 320 twips). */
const INDENT = { firstLine: 640 } as const;

/**
 * The look lives in paragraph styles, not on each run: a circular has a thousand table cells,
 * and fonts and sizes written on every run made the file's XML 800 KB and its build slow.
 */
const STYLES = [
  { id: 'CircularTitle', name: 'Circular title', run: { font: font('宋体'), size: SIZE.title, bold: true }, paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 240 } } },
  { id: 'CircularDate', name: 'Circular date line', run: { size: SIZE.small }, paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 240 } } },
  { id: 'CircularHeading', name: 'Circular heading', run: { font: font('黑体') }, paragraph: { indent: INDENT, spacing: { line: 560, lineRule: 'exact' as const }, keepNext: true } },
  { id: 'CircularSubheading', name: 'Circular subheading', run: { font: font('楷体'), bold: true }, paragraph: { indent: INDENT, spacing: { line: 560, lineRule: 'exact' as const }, keepNext: true } },
  { id: 'CircularText', name: 'Circular text', paragraph: { indent: INDENT, spacing: { line: 560, lineRule: 'exact' as const } } },
  { id: 'CircularCaption', name: 'Circular table caption', run: { size: SIZE.small, bold: true }, paragraph: { spacing: { before: 240, after: 120 }, keepNext: true } },
  { id: 'CircularNote', name: 'Circular note', run: { size: SIZE.table }, paragraph: { spacing: { before: 120 } } },
  { id: 'Cell', name: 'Table cell', run: { size: SIZE.table } },
  { id: 'CellNumber', name: 'Table cell, number', basedOn: 'Cell', run: { size: SIZE.table }, paragraph: { alignment: AlignmentType.RIGHT } },
  { id: 'CellHeader', name: 'Table header', basedOn: 'Cell', run: { font: font('黑体'), size: SIZE.table, bold: true }, paragraph: { alignment: AlignmentType.CENTER } },
];

const styled = (style: string, text: string, ...more: TextRun[]): Paragraph => new Paragraph({ style, children: [new TextRun(text), ...more] });

const LINE = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;

/** Right-aligned columns of a ranking table: rank and the numbers (not the unit, not the verdict). */
const NUMERIC = [true, false, true, true, true, true, false];
/** The column of the figure, which may carry a flag mark. */
const FIGURE = 2;

function rankingTable(t: Circular['tables'][number]): Table {
  const cell = (p: Paragraph) => new TableCell({ children: [p] });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE },
    margins: { left: 80, right: 80 },
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: t.header.map((h) => cell(styled('CellHeader', h))) }),
      ...t.rows.map(
        (r) =>
          new TableRow({
            cantSplit: true,
            children: r.cells.map((c, i) =>
              cell(styled(NUMERIC[i] ? 'CellNumber' : 'Cell', c, ...(i === FIGURE && r.mark ? [new TextRun({ text: r.mark, superScript: true })] : []))),
            ),
          }),
      ),
    ],
  });
}

function pageFooter(en: boolean): Footer {
  const parts = en ? ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES] : ['第 ', PageNumber.CURRENT, ' 页，共 ', PageNumber.TOTAL_PAGES, ' 页'];
  return new Footer({ children: [new Paragraph({ style: 'Cell', alignment: AlignmentType.CENTER, children: [new TextRun({ children: parts })] })] });
}

/** The internal site's mark at the top of every page, as its pages and printed sheets carry it: a Word file travels too. */
function internalHeader(): Header {
  return new Header({
    children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: INTERNAL_MARK, bold: true, color: 'A21B1B', size: SIZE.small, font: font('黑体') })] })],
  });
}

/** The core properties with fixed dates (docx writes the time of the build). */
function coreXml(c: Circular, isoDate: string): string {
  const esc = (s: string) => s.replace(/[&<>"]/g, (ch) => `&#${ch.charCodeAt(0)};`);
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" ' +
    'xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${esc(c.title)}</dc:title><dc:description>${esc(c.versionLine)}</dc:description><dc:language>${c.locale}</dc:language>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${isoDate}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${isoDate}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

/**
 * Sets the time of every entry of a ZIP archive (local headers and central directory) to one
 * DOS date and time: the archiver writes the time of the build. Only the time fields change.
 */
export function fixZipTimes(zip: Uint8Array, when: Date): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(zip);
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  const dosTime = (when.getUTCHours() << 11) | (when.getUTCMinutes() << 5) | (when.getUTCSeconds() >> 1);
  const dosDate = ((Math.max(1980, when.getUTCFullYear()) - 1980) << 9) | ((when.getUTCMonth() + 1) << 5) | when.getUTCDate();
  // The central directory: found from its end record (no archive comment: docx writes none).
  const end = out.length - 22;
  if (view.getUint32(end, true) !== 0x06054b50) throw new Error('fixZipTimes: not a ZIP archive without a comment');
  const entries = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  for (let i = 0; i < entries; i++) {
    if (view.getUint32(at, true) !== 0x02014b50) throw new Error(`fixZipTimes: bad central directory entry at byte ${at}`);
    view.setUint16(at + 12, dosTime, true);
    view.setUint16(at + 14, dosDate, true);
    const local = view.getUint32(at + 42, true);
    if (view.getUint32(local, true) !== 0x04034b50) throw new Error(`fixZipTimes: bad local header at byte ${local}`);
    view.setUint16(local + 10, dosTime, true);
    view.setUint16(local + 12, dosDate, true);
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return out;
}

/**
 * The .docx bytes of a circular. `asOf` (an ISO instant) dates the file; null dates it 1980-01-01.
 * `internal`: the internal site's file, marked 内部资料 / Internal at the top of every page.
 */
export async function circularDocx(c: Circular, asOf: string | null, options: { internal: boolean } = { internal: false }): Promise<Uint8Array<ArrayBuffer>> {
  const en = c.locale === 'en';
  const when = new Date(asOf ?? '1980-01-01T00:00:00Z');
  const text: Paragraph[] = [
    styled('CircularTitle', c.title),
    styled('CircularDate', c.dateLine),
    ...c.sections.flatMap((s) => [styled('CircularHeading', s.heading), ...s.parts.map((p) => styled(p.kind === 'subheading' ? 'CircularSubheading' : 'CircularText', p.text))]),
  ];
  const tables = [
    styled('CircularHeading', c.tablesHeading),
    ...c.tables.flatMap((t) => [styled('CircularCaption', t.caption), rankingTable(t)]),
    ...c.legend.map((l) => styled('CircularNote', l)),
    styled('CircularNote', c.sourceLine),
    styled('CircularNote', c.versionLine),
  ];
  const footers = { default: pageFooter(en) };
  const headers = options.internal ? { default: internalHeader() } : undefined;
  const doc = new Document({
    title: c.title,
    styles: {
      default: { document: { run: { font: font('仿宋'), size: SIZE.text, language: { value: en ? 'en-US' : 'zh-CN', eastAsia: 'zh-CN' } } } },
      paragraphStyles: STYLES,
    },
    sections: [
      { properties: { page: { size: { ...A4, orientation: PageOrientation.PORTRAIT }, margin: MARGIN } }, headers, footers, children: text },
      {
        properties: { type: SectionType.NEXT_PAGE, page: { size: { ...A4, orientation: PageOrientation.LANDSCAPE }, margin: { top: 1440, bottom: 1440, left: 1440, right: 1440 } } },
        headers,
        footers,
        children: tables,
      },
    ],
  });
  const iso = when.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const bytes = await Packer.toBuffer(doc, undefined, [{ path: 'docProps/core.xml', data: coreXml(c, iso) }]);
  return fixZipTimes(bytes, when);
}
