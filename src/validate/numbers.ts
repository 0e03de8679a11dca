/**
 * Plain numbers: an optional minus, digits, optionally a point and more digits. Nothing else
 * is accepted — no thousands separators, units, percent signs, full-width digits or
 * scientific notation — and each of those gets an exact rewrite in the fix.
 */
import { UNITS, type Unit } from '../lib/schema.ts';

export type ParsedNumber =
  | { ok: true; value: number }
  | { ok: false; expected: string; fix: string; tooLarge?: true };

const PLAIN_NUMBER_EXPECTED = 'digits with an optional . and leading -, e.g. 1234.5';

const PLAIN_RE = /^-?\d+(?:\.\d+)?$/;

/** Placeholders for "no figure" seen in published tables. */
const MISSING_MARKS = new Set(['-', '--', '—', '——', '–', '－', '/', 'N/A', 'n/a', 'NA', 'na', 'NaN', 'null', 'NULL', '…', '...', '无', '空']);
/** Marks that mean "withheld", as the texts mask confidential figures. */
const MASK_MARKS = /^(?:[*＊]+|[xX×]+)$/;

/** Unit words a value may carry by mistake, longest first so 亿美元 wins over 美元. */
const SUFFIXES = [...Object.keys(UNITS), '亿', '万', '％', '个百分点', '百分点']
  .sort((a, b) => b.length - a.length);

/**
 * Parses `text` as a plain number. `unit` is the unit the column is declared in (the
 * indicator's unit, or % for growth rates): it lets the fix convert 12万元 into 亿元.
 */
export function parsePlainNumber(text: string, unit?: Unit): ParsedNumber {
  if (isPlainNumber(text)) {
    const value = Number(text);
    // 400 digits are plain but no double holds them: DuckDB would publish inf.
    if (Number.isFinite(value)) return { ok: true, value };
    return {
      ok: false,
      tooLarge: true,
      expected: 'a number below 10^308 in absolute value',
      fix: `check the figure: it has ${text.replace(/^-|\..*$/g, '').length} digits before the point; write it in the indicator's unit`,
    };
  }
  return { ok: false, expected: PLAIN_NUMBER_EXPECTED, fix: numberFix(text, unit) };
}

/** PLAIN_RE by hand: this runs twice per observation row. */
function isPlainNumber(text: string): boolean {
  const n = text.length;
  let i = text.charCodeAt(0) === 45 ? 1 : 0; // -
  const intStart = i;
  while (i < n && isDigit(text.charCodeAt(i))) i++;
  if (i === intStart) return false;
  if (i === n) return true;
  if (text.charCodeAt(i) !== 46) return false; // .
  const fracStart = ++i;
  while (i < n && isDigit(text.charCodeAt(i))) i++;
  return i === n && i > fracStart;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function numberFix(text: string, unit: Unit | undefined): string {
  const steps: string[] = [];
  let t = text;
  if (t.trim() !== t) {
    t = t.trim();
    steps.push('no spaces around it');
  }
  if (t === '') return 'write a number, or leave it empty if the column allows';
  if (MISSING_MARKS.has(t)) {
    return 'leave the value empty and set flag na (not available), or flag c if the figure is withheld (suppressed)';
  }
  if (MASK_MARKS.test(t)) {
    return 'a masked figure is suppressed: leave the value empty and set flag c';
  }
  const ascii = toAsciiDigits(t);
  if (ascii !== t) {
    t = ascii;
    steps.push('half-width digits and signs, not full-width');
  }

  let shift = 0; // powers of ten to move the point by, when the value was written in another scale
  for (const s of SUFFIXES) {
    if (!t.endsWith(s) || t.length === s.length) continue;
    t = t.slice(0, -s.length).trimEnd();
    const written = s === '％' ? '%' : s;
    if (written === '%' || written.endsWith('百分点')) {
      steps.push(`no ${written} sign: the column is already in %`);
      break;
    }
    if (unit === undefined) {
      steps.push('no unit: the unit is declared on the indicator');
      break;
    }
    const w = writtenUnit(written, unit);
    if (w.dimension !== dimension(unit)) {
      return `this figure is in ${written} but the indicator's unit is ${unit}: convert it to ${unit} and write the plain number`;
    }
    shift = Math.round(Math.log10(w.scale / UNITS[unit].scale));
    steps.push(shift === 0 ? `no unit: the indicator declares ${unit}` : `converted from ${written} to ${unit}, the indicator's unit`);
    break;
  }

  if (t.startsWith('+')) {
    t = t.slice(1);
    steps.push('no + sign');
  }
  if (/^-?\d{1,3}(?:[,，]\d{3})+(?:\.\d+)?$/.test(t)) {
    t = t.replace(/[,，]/g, '');
    steps.push('no thousands separator');
  } else if (/^-?\d{1,3}(?:[ '\u00a0]\d{3})+(?:\.\d+)?$/.test(t)) {
    t = t.replace(/[ '\u00a0]/g, '');
    steps.push('no digit grouping');
  }
  if (/^-?\d+[,，]\d+$/.test(t)) {
    return `write ${t.replace(/[,，]/, '.')} if the comma is a decimal point; a plain number uses . and no separators`;
  }
  if (/^-?\.\d+$/.test(t)) {
    t = t.replace('.', '0.');
    steps.push('a 0 before the point');
  } else if (/^-?\d+\.$/.test(t)) {
    t = t.slice(0, -1);
    steps.push('no trailing point');
  }
  if (/^-?\d+(?:\.\d+)?[eE][-+]?\d+$/.test(t)) {
    const plain = expandExponent(t);
    return `write ${plain} (no scientific notation; if Excel showed it like this, digits may already be lost: re-export the column with the format "Number")`;
  }
  if (PLAIN_RE.test(t) && steps.length > 0) {
    return `write ${shift === 0 ? t : expandExponent(`${t}e${shift}`)} (${steps.join('; ')})`;
  }
  return 'write a plain number such as 1234.5, or leave the value empty with flag na or c';
}

/** What a unit measures: its currency, people, or itself (家, 个, 户 and % do not convert). */
function dimension(unit: Unit): string {
  return UNITS[unit].currency ?? (unit === '人' || unit === '万人' ? 'people' : unit);
}

/** A unit word as written after a figure; a bare 亿 or 万 scales the declared unit. */
function writtenUnit(written: string, declared: Unit): { dimension: string; scale: number } {
  if (written === '亿' || written === '万') {
    const base = UNITS[declared].currency !== null || dimension(declared) === 'people';
    return { dimension: base ? dimension(declared) : written, scale: written === '亿' ? 1e8 : 1e4 };
  }
  const u = written as Unit;
  return { dimension: dimension(u), scale: UNITS[u].scale };
}

/** Full-width digits, point, minus and comma (as typed with a Chinese IME) to ASCII. */
function toAsciiDigits(t: string): string {
  return t.replace(/[０-９．－，＋]/g, (ch) => {
    if (ch === '．') return '.';
    if (ch === '－') return '-';
    if (ch === '，') return ',';
    if (ch === '＋') return '+';
    return String.fromCharCode(ch.charCodeAt(0) - 0xff10 + 48);
  });
}

/**
 * 1.2e5 → 120000 without going through a lossy float rendering: the point moves in the text.
 * The importer converts published scales (万亿元 into 亿元) with it too.
 */
export function expandExponent(t: string): string {
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([-+]?\d+))?$/.exec(t);
  if (!m) return t;
  const [, sign = '', int = '', frac = '', expText] = m;
  const exp = expText === undefined ? 0 : Number(expText);
  const digits = int + frac;
  const point = int.length + exp;
  let out: string;
  if (point <= 0) out = `0.${'0'.repeat(-point)}${digits}`;
  else if (point >= digits.length) out = digits + '0'.repeat(point - digits.length);
  else out = `${digits.slice(0, point)}.${digits.slice(point)}`;
  out = out.replace(/^0+(?=\d)/, '');
  if (out.includes('.')) out = out.replace(/0+$/, '').replace(/\.$/, '');
  return sign + out;
}
