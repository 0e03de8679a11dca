/** The printed footer: what it says, and that no address or source can break out of its CSS string or its style element. */
import { describe, expect, it } from 'vitest';
import { printFooterText, printPageStyle } from '../../src/views/print.ts';

describe('the printed footer', () => {
  const footer = { locale: 'zh-CN' as const, version: 'bfe7cc48', dataAsOf: '2025年10月17日', source: '河南省商务厅', address: '/progress/' };

  it('says the data version, the date, the source and the address', () => {
    expect(printFooterText(footer)).toBe('数据版本 bfe7cc48 · 数据截至2025年10月17日 · 来源：河南省商务厅 · /progress/');
    expect(printFooterText({ ...footer, locale: 'en', dataAsOf: '17 Oct 2025', source: null })).toBe('Data version bfe7cc48 · data as of 17 Oct 2025 · /progress/');
  });

  it('puts it and the page number in the margin boxes of every page', () => {
    const style = printPageStyle(footer);
    expect(style).toBe('--print-footer: "数据版本 bfe7cc48 · 数据截至2025年10月17日 · 来源：河南省商务厅 · /progress/"; --print-pages: "第 " counter(page) " 页，共 " counter(pages) " 页"');
    expect(printPageStyle({ ...footer, locale: 'en' })).toContain('--print-pages: "Page " counter(page) " of " counter(pages)');
  });

  it('escapes what would end the string or the style element', () => {
    const css = printPageStyle({ ...footer, source: 'a "b" \\ c </style><script>' });
    expect(css).toContain('来源：a \\22 b\\22  \\5c  c \\3c /style>\\3c script>');
    expect(css).not.toContain('</style');
  });
});
