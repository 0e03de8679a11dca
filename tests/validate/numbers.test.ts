import { describe, expect, it } from 'vitest';
import { parsePlainNumber } from '../../src/validate/numbers.ts';

function fix(text: string, unit?: Parameters<typeof parsePlainNumber>[1]): string {
  const r = parsePlainNumber(text, unit);
  if (r.ok) throw new Error(`${text} was accepted`);
  return r.fix;
}

describe('parsePlainNumber', () => {
  it('accepts plain numbers only', () => {
    for (const [text, value] of [['0', 0], ['1234.5', 1234.5], ['-12.25', -12.25], ['007', 7], ['-0', -0]] as const) {
      expect(parsePlainNumber(text)).toEqual({ ok: true, value });
    }
    for (const text of ['', '-', '-.5', '1.2.3', '--1', '1-', ' 1', '1 ', '+1', '.5', '5.', '1e5', '0x10', 'Infinity', 'NaN', '1,000', '1_000', '１']) {
      expect(parsePlainNumber(text).ok, text).toBe(false);
    }
  });

  it('gives the exact rewrite for the usual mistakes', () => {
    expect(fix('1,234.5')).toBe('write 1234.5 (no thousands separator)');
    expect(fix('12,345,678')).toBe('write 12345678 (no thousands separator)');
    expect(fix('１２３')).toBe('write 123 (half-width digits and signs, not full-width)');
    expect(fix('123亿元', '亿元')).toBe('write 123 (no unit: the indicator declares 亿元)');
    expect(fix('123亿元')).toBe('write 123 (no unit: the unit is declared on the indicator)');
    expect(fix('12%', '%')).toBe('write 12 (no % sign: the column is already in %)');
    expect(fix('12％', '%')).toBe('write 12 (no % sign: the column is already in %)');
    expect(fix(' 12 ')).toBe('write 12 (no spaces around it)');
    expect(fix('+3.5')).toBe('write 3.5 (no + sign)');
    expect(fix('.5')).toBe('write 0.5 (a 0 before the point)');
    expect(fix('1 234 567')).toBe('write 1234567 (no digit grouping)');
    expect(fix('１，２３４．５亿元', '亿元')).toBe('write 1234.5 (half-width digits and signs, not full-width; no unit: the indicator declares 亿元; no thousands separator)');
  });

  it('converts between scales of the same unit, never between currencies', () => {
    expect(fix('12万元', '亿元')).toBe("write 0.0012 (converted from 万元 to 亿元, the indicator's unit)");
    expect(fix('1.5亿', '万元')).toBe("write 15000 (converted from 亿 to 万元, the indicator's unit)");
    expect(fix('3万', '人')).toBe("write 30000 (converted from 万 to 人, the indicator's unit)");
    expect(fix('12亿美元', '亿元')).toContain('convert it to 亿元');
  });

  it('turns placeholders into flags', () => {
    for (const text of ['—', '-', '--', 'N/A', 'NA', '…']) expect(fix(text)).toMatch(/^leave the value empty and set flag na/);
    for (const text of ['*', '***', 'X', 'xx']) expect(fix(text)).toBe('a masked figure is suppressed: leave the value empty and set flag c');
  });

  it('refuses scientific notation with the plain form', () => {
    expect(fix('1.2e5')).toMatch(/^write 120000 \(no scientific notation/);
    expect(fix('1.23457E+11')).toMatch(/^write 123457000000 /);
    expect(fix('2.5E-3')).toMatch(/^write 0.0025 /);
  });

  it('asks about a lone decimal comma', () => {
    expect(fix('12,34')).toBe('write 12.34 if the comma is a decimal point; a plain number uses . and no separators');
  });
});
