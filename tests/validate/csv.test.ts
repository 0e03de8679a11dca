import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/validate/csv.ts';

function rows(text: string) {
  const out: { line: number; fields: string[]; lines: number[] }[] = [];
  const broken: number[] = [];
  const errors = parseCsv(text, (fields, count, line, fieldLines, isBroken) => {
    if (isBroken) broken.push(line);
    else out.push({ line, fields: fields.slice(0, count), lines: fieldLines.slice(0, count) });
  });
  return { out, errors, broken };
}

describe('parseCsv', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, keeping physical lines', () => {
    const { out, errors } = rows('a,b,c\n1,"x, y","say ""hi""\nsecond line"\n2,,\r\n3,"",z');
    expect(errors).toEqual([]);
    expect(out).toEqual([
      { line: 1, fields: ['a', 'b', 'c'], lines: [1, 1, 1] },
      { line: 2, fields: ['1', 'x, y', 'say "hi"\nsecond line'], lines: [2, 2, 2] },
      { line: 4, fields: ['2', '', ''], lines: [4, 4, 4] },
      { line: 5, fields: ['3', '', 'z'], lines: [5, 5, 5] },
    ]);
  });

  it('gives a field after a multi-line field its own line', () => {
    const { out } = rows('h1,h2,h3\n"a\nb\nc",d,e\n');
    expect(out[1]).toEqual({ line: 2, fields: ['a\nb\nc', 'd', 'e'], lines: [2, 4, 4] });
  });

  it('skips blank lines but counts them', () => {
    const { out } = rows('h\n\n\nx\n\r\ny\n');
    expect(out.map((r) => [r.line, r.fields[0]])).toEqual([[1, 'h'], [4, 'x'], [6, 'y']]);
  });

  it('reports a quote inside an unquoted field and text after a closing quote, marking those rows broken', () => {
    const { out, errors, broken } = rows('h1,h2\nab"c,d\n"x"y,z\nok,1\n');
    expect(broken).toEqual([2, 3]);
    expect(errors).toEqual([
      { line: 2, column: 1, kind: 'bare-quote' },
      { line: 3, column: 1, kind: 'after-quote' },
    ]);
    expect(out.map((r) => r.fields)).toEqual([['h1', 'h2'], ['ok', '1']]);
  });

  it('reports a quote that is never closed at the line it opens', () => {
    const { errors } = rows('h1,h2\n1,"open\n2,3\n');
    expect(errors).toEqual([{ line: 2, column: 2, kind: 'unterminated' }]);
  });

  it('keeps a trailing empty field', () => {
    expect(rows('a,b,\n').out[0]?.fields).toEqual(['a', 'b', '']);
    expect(rows('a,b,').out[0]?.fields).toEqual(['a', 'b', '']);
  });
});
