/**
 * Just enough PDF reading for the print tests: the pages of a PDF that Chromium (Skia) wrote,
 * each with its size and its text. Skia writes every object uncompressed but its streams
 * (Flate), and its fonts as Type0 with a ToUnicode map, so the text is the shown glyph codes
 * mapped through their font's map. Not a general PDF parser: no object streams, no encryption.
 */
import { inflateSync } from 'node:zlib';

export interface PdfPage {
  /** Points; A4 portrait is 595 × 842. */
  width: number;
  height: number;
  /** The shown text in drawing order, runs separated by a space. */
  text: string;
}

interface PdfObject {
  dict: string;
  stream: Buffer | null;
}

function objects(pdf: Buffer): Map<number, PdfObject> {
  const s = pdf.toString('latin1');
  const out = new Map<number, PdfObject>();
  for (const m of s.matchAll(/(\d+) 0 obj\s*([\s\S]*?)endobj/g)) {
    const body = m[2]!;
    const at = body.search(/stream\r?\n/);
    if (at < 0) {
      out.set(Number(m[1]), { dict: body, stream: null });
      continue;
    }
    const dict = body.slice(0, at);
    const start = at + body.slice(at).indexOf('\n') + 1;
    const length = Number(/\/Length (\d+)/.exec(dict)?.[1] ?? -1);
    const raw = Buffer.from(length >= 0 ? body.slice(start, start + length) : body.slice(start, body.lastIndexOf('endstream')), 'latin1');
    out.set(Number(m[1]), { dict, stream: /\/FlateDecode/.test(dict) ? inflateSync(raw) : raw });
  }
  return out;
}

const ref = (dict: string, key: string): number | null => {
  const m = new RegExp(`/${key}\\s+(\\d+) 0 R`).exec(dict);
  return m ? Number(m[1]) : null;
};

/** The body of a dictionary entry `/Key << … >>`, nested dictionaries included. */
function subDict(dict: string, key: string): string | null {
  const at = dict.indexOf(`/${key}`);
  if (at < 0) return null;
  const open = dict.indexOf('<<', at);
  if (open < 0 || /\S/.test(dict.slice(at + key.length + 1, open))) return null;
  let depth = 0;
  for (let i = open; i < dict.length - 1; i++) {
    if (dict.startsWith('<<', i)) (depth++, i++);
    else if (dict.startsWith('>>', i)) {
      depth--;
      i++;
      if (depth === 0) return dict.slice(open + 2, i - 1);
    }
  }
  return null;
}

/** A ToUnicode CMap: glyph code (hex) → text. */
function toUnicode(cmap: string): Map<string, string> {
  const map = new Map<string, string>();
  const text = (hex: string) => Buffer.from(hex.length % 4 === 0 ? hex : hex.padStart(Math.ceil(hex.length / 4) * 4, '0'), 'hex').swap16().toString('utf16le');
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const m of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) map.set(m[1]!.toLowerCase(), text(m[2]!));
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const m of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(<[0-9a-fA-F]+>|\[[^\]]*\])/g)) {
      const lo = parseInt(m[1]!, 16);
      const hi = parseInt(m[2]!, 16);
      const width = m[1]!.length;
      const list = m[3]!.startsWith('[') ? [...m[3]!.matchAll(/<([0-9a-fA-F]+)>/g)].map((x) => x[1]!) : null;
      const first = list ? 0 : parseInt(m[3]!.slice(1, -1), 16);
      for (let c = lo; c <= hi; c++) {
        const key = c.toString(16).padStart(width, '0');
        map.set(key, list ? text(list[c - lo] ?? '') : String.fromCodePoint(first + c - lo));
      }
    }
  }
  return map;
}

function showText(hex: string, map: Map<string, string> | undefined): string {
  if (!map) return '';
  const width = map.size > 0 ? [...map.keys()][0]!.length : 4;
  let out = '';
  for (let i = 0; i + width <= hex.length; i += width) out += map.get(hex.slice(i, i + width).toLowerCase()) ?? '';
  return out;
}

/** The text a content stream shows, with each font's map. */
function streamText(content: string, fonts: Map<string, Map<string, string>>): string {
  let font: Map<string, string> | undefined;
  const parts: string[] = [];
  for (const m of content.matchAll(/\/(\S+)\s+[\d.]+\s+Tf|<([0-9a-fA-F]*)>\s*Tj|\[((?:[^\]])*)\]\s*TJ|\b(ET|T\*|Td|TD)\b/g)) {
    if (m[1]) font = fonts.get(m[1]);
    else if (m[2] !== undefined) parts.push(showText(m[2], font));
    else if (m[3] !== undefined) parts.push([...m[3].matchAll(/<([0-9a-fA-F]*)>/g)].map((x) => showText(x[1]!, font)).join(''));
    else parts.push(' ');
  }
  return parts.join('').replace(/\s+/g, ' ').trim();
}

/** The pages of a PDF in order, with their size and text. */
export function readPdf(pdf: Buffer): PdfPage[] {
  const objs = objects(pdf);
  const dictOf = (n: number | null): string => (n === null ? '' : (objs.get(n)?.dict ?? ''));
  const pagesRoot = [...objs.entries()].find(([, o]) => /\/Type\s*\/Pages\b/.test(o.dict) && !/\/Parent\s/.test(o.dict));
  if (!pagesRoot) throw new Error('not a PDF with a page tree');
  const order: number[] = [];
  const walk = (n: number) => {
    const d = dictOf(n);
    if (/\/Type\s*\/Pages\b/.test(d)) for (const k of /\/Kids\s*\[([^\]]*)\]/.exec(d)?.[1]?.matchAll(/(\d+) 0 R/g) ?? []) walk(Number(k[1]));
    else order.push(n);
  };
  walk(pagesRoot[0]);
  return order.map((n) => {
    const page = dictOf(n);
    const box = /\/MediaBox\s*\[\s*([\d.-]+)\s+([\d.-]+)\s+([\d.-]+)\s+([\d.-]+)\s*\]/.exec(page)!;
    const resources = ref(page, 'Resources') !== null ? dictOf(ref(page, 'Resources')) : (subDict(page, 'Resources') ?? '');
    const fontDict = ref(resources, 'Font') !== null ? dictOf(ref(resources, 'Font')) : (subDict(resources, 'Font') ?? '');
    const fonts = new Map<string, Map<string, string>>();
    for (const f of fontDict.matchAll(/\/(\S+?)\s+(\d+) 0 R/g)) {
      const cmap = objs.get(ref(dictOf(Number(f[2])), 'ToUnicode') ?? -1)?.stream;
      fonts.set(f[1]!, cmap ? toUnicode(cmap.toString('latin1')) : new Map());
    }
    const contents = /\/Contents\s*\[([^\]]*)\]/.exec(page)?.[1] ?? /\/Contents\s+(\d+ 0 R)/.exec(page)?.[1] ?? '';
    const text = [...contents.matchAll(/(\d+) 0 R/g)]
      .map((c) => objs.get(Number(c[1]))?.stream?.toString('latin1') ?? '')
      .map((c) => streamText(c, fonts))
      .join(' ');
    return { width: Number(box[3]) - Number(box[1]), height: Number(box[4]) - Number(box[2]), text };
  });
}
