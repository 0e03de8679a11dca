import { afterAll, describe, expect, it } from 'vitest';
import { decodeUtf8File } from '../../src/validate/encoding.ts';
import { BASE, expectProblem, removeDataDirs, validate } from './fixture.ts';

afterAll(removeDataDirs);

const ascii = (s: string) => [...Buffer.from(s, 'latin1')];
// 北京 and 郑州市 in GBK, written out because TextEncoder only encodes UTF-8.
const BEIJING_GBK = [0xb1, 0xb1, 0xbe, 0xa9];
const ZHENGZHOU_GBK = [0xd6, 0xa3, 0xd6, 0xdd, 0xca, 0xd0];

function utf16le(text: string, bom: boolean): Uint8Array {
  const body = Buffer.from(text, 'utf16le');
  return bom ? Uint8Array.from([0xff, 0xfe, ...body]) : Uint8Array.from(body);
}

describe('decodeUtf8File', () => {
  it('decodes UTF-8 and drops a BOM', () => {
    const r = decodeUtf8File(Uint8Array.from([0xef, 0xbb, 0xbf, ...Buffer.from('code,名称\n')]), 'x.csv');
    expect(r).toEqual({ ok: true, text: 'code,名称\n' });
  });

  it('recognises GBK, points at the first bad byte and shows the line as GBK', () => {
    const bytes = Uint8Array.from([...ascii('a,b,c\n1,2,'), ...BEIJING_GBK, ...ascii('\n')]);
    const r = decodeUtf8File(bytes, 'data/x.csv');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r).toMatchObject({ line: 2, column: 3, found: 'B1 B1 BE A9' });
    expect(r.message).toContain('GBK/GB18030');
    expect(r.message).toContain('北京');
    expect(r.fix).toContain('iconv -f GB18030 -t UTF-8 data/x.csv > converted.csv');
  });

  it('recognises UTF-16 with and without a BOM', () => {
    for (const bom of [true, false]) {
      const r = decodeUtf8File(utf16le('code,name\n410000,河南\n', bom), 'x.csv');
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.message).toContain('UTF-16');
        expect(r.fix).toContain('iconv -f UTF-16 -t UTF-8 x.csv');
      }
    }
  });

  it('says so when the encoding is unknown', () => {
    const r = decodeUtf8File(Uint8Array.from([...ascii('a\n'), 0xff, 0xff, 0xff]), 'x.csv');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain('not recognised');
  });
});

describe('encodings in a data directory', () => {
  it('refuses a GBK observations file with E_ENCODING and a conversion hint', async () => {
    const header = BASE['observations/2025-06.csv']!.split('\n')[0]!;
    const bytes = Uint8Array.from([...ascii(`${header}\n410100,retail_sales,2025-06,3000,4.8,,`), ...ZHENGZHOU_GBK, ...ascii('\n')]);
    const v = await validate({ 'observations/2025-06.csv': bytes });
    const p = expectProblem(v, 'E_ENCODING', 'observations/2025-06.csv', 2, 7);
    expect(p.fix).toContain('iconv -f GB18030 -t UTF-8');
    expect(p.message).toContain('郑州市');
    expect(v.report.errorCount).toBe(1);
  });

  it('refuses a UTF-16 releases file with a UTF-16 hint', async () => {
    const v = await validate({ 'releases.csv': utf16le(BASE['releases.csv']!, true) });
    const p = expectProblem(v, 'E_ENCODING', 'releases.csv', 1, 1);
    expect(p.fix).toContain('iconv -f UTF-16');
  });

  it('accepts a UTF-8 BOM on every file', async () => {
    const withBom = Object.fromEntries(
      Object.entries(BASE)
        .filter(([rel]) => rel.endsWith('.csv'))
        .map(([rel, text]) => [rel, Uint8Array.from([0xef, 0xbb, 0xbf, ...Buffer.from(text)])]),
    );
    const v = await validate(withBom);
    expect(v.report.problems).toEqual([]);
  });

  it('accepts CRLF line ends', async () => {
    const crlf = Object.fromEntries(Object.entries(BASE).filter(([rel]) => rel.endsWith('.csv')).map(([rel, text]) => [rel, text.replaceAll('\n', '\r\n')]));
    const v = await validate(crlf);
    expect(v.report.problems).toEqual([]);
  });
});
