import { describe, expect, it } from 'vitest';
import { FLAG_LABELS } from '../../src/lib/format';
import { paren, punct, sentences, UI } from '../../src/lib/i18n';
import { inPp, T } from '../../src/site/strings';

const zh = 'zh-CN' as const;
const en = 'en' as const;

/** Full-width punctuation has no place in English text. */
const FULL_WIDTH = /[：；，。（）、“”！？]/;

describe('punctuation by language', () => {
  it('is full-width in Chinese and ASCII with its space in English', () => {
    expect(`${T.unit.zh}${punct('colon', zh)}亿元`).toBe('单位：亿元');
    expect(`${T.unit.en}${punct('colon', en)}billion yuan`).toBe('Unit: billion yuan');
    expect(['a', 'b'].join(punct('semicolon', en))).toBe('a; b');
    expect(`郑州市${paren('2025年1-6月', zh)}`).toBe('郑州市（2025年1-6月）');
    expect(`Zhengzhou${paren('Jan–Jun 2025', en)}`).toBe('Zhengzhou (Jan–Jun 2025)');
  });

  it('ends every sentence with one stop, never "。；"', () => {
    expect(sentences(['年度目标：力争1,610亿元', '完成年度目标的52.3%，快于时间进度2.3个百分点。', null, '季节进度 +1.2个百分点'], zh)).toBe(
      '年度目标：力争1,610亿元。完成年度目标的52.3%，快于时间进度2.3个百分点。季节进度 +1.2个百分点。',
    );
    expect(sentences(['Annual target: 161 billion yuan', '52.3% reached.', false, ''], en)).toBe('Annual target: 161 billion yuan. 52.3% reached.');
  });

  it('names a gap column with its unit once: the cells carry none', () => {
    expect(inPp('growthGap', zh)).toBe('增速差（百分点）');
    expect(inPp('growthGap', en)).toBe('Gap to growth target (pp)');
    expect(T.growthGap.zh).not.toMatch(/百分点/);
    expect(T.paceGap.en).not.toMatch(/pp/);
  });

  it('has no full-width punctuation in any English word of the pages, charts or flags', () => {
    const english = [
      ...Object.values(T).map((w) => w.en),
      ...Object.values(UI).map((w) => w.en),
      ...Object.values(FLAG_LABELS).flatMap((f) => [f.en.mark, f.en.label, f.en.legend]),
    ];
    expect(english.filter((w) => FULL_WIDTH.test(w))).toEqual([]);
  });
});
