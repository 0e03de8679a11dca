/**
 * The circular's sentences on hand-worked cases, zh and en: who is off track and on what, who is
 * on track on everything, the first and last three with ties, a unit that is the only one ranked.
 */
import { describe, expect, it } from 'vitest';
import { allOnTrackOrNone, allOnTrackSentence, offTrackSentences, onTrackCount, overviewSentence, topBottomSentence, unitList, type StandingRow } from '../../src/lib/circular-text.ts';

const row = (code: string, name_zh: string, name_en: string, o: Partial<StandingRow>): StandingRow => ({
  jurisdiction: code, name_zh, name_en, status: 'ahead', verdict_kind: 'pace', rank: null, rank_of: 0, rank_basis: 'value', tied: false, ...o,
});

const zz = (o: Partial<StandingRow>) => row('410100', '郑州市', 'Zhengzhou', o);
const kf = (o: Partial<StandingRow>) => row('410200', '开封市', 'Kaifeng', o);
const ly = (o: Partial<StandingRow>) => row('410300', '洛阳市', 'Luoyang', o);
const pds = (o: Partial<StandingRow>) => row('410400', '平顶山市', 'Pingdingshan', o);

describe('unit lists', () => {
  it('name every unit, then the count, as the texts do', () => {
    expect(unitList(['洛阳市'], 'zh-CN')).toBe('洛阳市');
    expect(unitList(['洛阳市', '平顶山市', '安阳市'], 'zh-CN')).toBe('洛阳市、平顶山市、安阳市等3个地区');
    expect(unitList(['Luoyang', 'Pingdingshan'], 'en')).toBe('Luoyang and Pingdingshan (2 units)');
    const many = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
    expect(unitList(many, 'zh-CN')).toBe('a、b、c、d、e、f等8个地区');
    expect(unitList(many, 'en')).toBe('a, b, c, d, e, f and others (8 units)');
  });
});

describe('who is off track', () => {
  it('by what they fell short of: time, a growth target, a ceiling, the full year', () => {
    const rows = [
      zz({ status: 'ahead' }),
      kf({ status: 'behind' }),
      ly({ status: 'behind' }),
      pds({ status: 'suppressed', verdict_kind: 'pace' }), // a suppressed figure is not named
    ];
    expect(offTrackSentences('进出口总额', rows, 'zh-CN')).toEqual(['开封市、洛阳市等2个地区进出口总额未达到时间进度。']);
    expect(offTrackSentences('trade', rows, 'en')).toEqual(['Kaifeng and Luoyang (2 units) are behind the time elapsed on trade.']);
    expect(offTrackSentences('社会消费品零售总额', [kf({ status: 'behind', verdict_kind: 'growth' })], 'zh-CN')).toEqual(['开封市社会消费品零售总额增速未达到目标。']);
    expect(offTrackSentences('亏损面', [ly({ status: 'over', verdict_kind: 'ceiling' }), zz({ status: 'within', verdict_kind: 'ceiling' })], 'zh-CN')).toEqual(['洛阳市亏损面超出控制目标。']);
    expect(offTrackSentences('GDP', [ly({ status: 'not_achieved', verdict_kind: 'growth' })], 'en')).toEqual(['Luoyang did not reach the annual target on GDP.']);
    // an indicator's English name is a title: lowered inside the sentence, an acronym kept
    expect(offTrackSentences('Share of loss-making enterprises', [ly({ status: 'over', verdict_kind: 'ceiling' })], 'en')).toEqual(['Luoyang is over the ceiling on share of loss-making enterprises.']);
    expect(offTrackSentences('GDP', [ly({ status: 'behind', verdict_kind: 'growth' })], 'en')).toEqual(['Luoyang is growing below the target on GDP.']);
    // about (左右, within the band) is not off track
    expect(offTrackSentences('GDP', [ly({ status: 'about', verdict_kind: 'growth' })], 'zh-CN')).toEqual([]);
  });

  it('names the units on track on every indicator they are judged on, never one without a target', () => {
    const retail = [zz({ status: 'ahead' }), kf({ status: 'behind' }), ly({ status: 'achieved' }), pds({ status: 'no_target', verdict_kind: null })];
    const trade = [zz({ status: 'within', verdict_kind: 'ceiling' }), kf({ status: 'ahead' }), ly({ status: 'over', verdict_kind: 'ceiling' })];
    expect(allOnTrackSentence([retail, trade], 'zh-CN')).toBe('郑州市各项指标均达到目标进度。');
    expect(allOnTrackSentence([retail, trade], 'en')).toBe('Zhengzhou is on track on every indicator.');
    expect(onTrackCount(retail, 'zh-CN')).toBe('3个地区中2个达到目标进度');
    // a ceiling is kept to and a level target on a rate reached, with no progress against time; mixed kinds take the general words
    expect(onTrackCount(trade.filter((r) => r.verdict_kind === 'ceiling'), 'zh-CN')).toBe('2个地区中1个控制在目标以内');
    expect(onTrackCount(trade.filter((r) => r.verdict_kind === 'ceiling'), 'en')).toBe('1 of 2 units within the ceiling');
    const startRate = [zz({ status: 'behind', verdict_kind: 'level' }), kf({ status: 'ahead', verdict_kind: 'level' })];
    expect(onTrackCount(startRate, 'zh-CN')).toBe('2个地区中1个达到目标');
    expect(onTrackCount(startRate, 'en')).toBe('1 of 2 units at or above the target');
    expect(onTrackCount(trade, 'zh-CN')).toBe('3个地区中2个达到目标进度');
  });
});

describe('first and last three', () => {
  it('say ties and how many were ranked', () => {
    const rows = [
      zz({ rank: 1, rank_of: 3, rank_basis: 'yoy' }),
      kf({ rank: 2, rank_of: 3, rank_basis: 'yoy', tied: true }),
      ly({ rank: 2, rank_of: 3, rank_basis: 'yoy', tied: true }),
      pds({ rank: null, rank_of: 3, rank_basis: 'yoy' }),
    ];
    expect(topBottomSentence('社会消费品零售总额', rows, 'zh-CN')).toBe('社会消费品零售总额增速前三位是郑州市、开封市（并列第2）、洛阳市（并列第2）（3个地区参与排名）。');
    expect(topBottomSentence('Total retail sales', rows, 'en')).toBe('On total retail sales (growth), the first three of 3 ranked are Zhengzhou, Kaifeng (tied 2nd), Luoyang (tied 2nd).');
  });

  it('say nothing when only one unit is ranked', () => {
    expect(topBottomSentence('进出口', [zz({ rank: 1, rank_of: 1 }), kf({})], 'zh-CN')).toBe('');
  });
});

describe('the overview of a circular', () => {
  it('counts the units on track per indicator, leaving out an indicator nobody is judged on', () => {
    const retail = [zz({ status: 'ahead' }), kf({ status: 'behind' }), ly({ status: 'achieved' })];
    const trade = [zz({ status: 'behind' }), kf({ status: 'ahead' })];
    const fdi = [zz({ status: 'no_target', verdict_kind: null }), kf({ status: 'suppressed' })];
    const parts = [{ name: '社会消费品零售总额', rows: retail }, { name: '进出口总额', rows: trade }, { name: '实际使用外资', rows: fdi }];
    expect(overviewSentence(parts, 'zh-CN')).toBe('分指标看，社会消费品零售总额3个地区中2个达到目标进度；进出口总额2个地区中1个达到目标进度。');
    const en = [{ name: 'retail sales', rows: retail }, { name: 'trade', rows: trade }, { name: 'FDI', rows: fdi }];
    expect(overviewSentence(en, 'en')).toBe('By indicator: retail sales, 2 of 3 units on track; trade, 1 of 2 units on track.');
    expect(overviewSentence([{ name: 'FDI', rows: fdi }], 'zh-CN')).toBe('');
  });

  it('says when no unit is on track on every indicator, and nothing when nobody is judged', () => {
    const retail = [zz({ status: 'behind' }), kf({ status: 'ahead' })];
    const trade = [zz({ status: 'ahead' }), kf({ status: 'over', verdict_kind: 'ceiling' })];
    expect(allOnTrackOrNone([retail, trade], 'zh-CN')).toBe('没有地区各项指标均达到目标进度。');
    expect(allOnTrackOrNone([retail, trade], 'en')).toBe('No unit is on track on every indicator.');
    expect(allOnTrackOrNone([[zz({ status: 'ahead' })], trade], 'zh-CN')).toBe('郑州市各项指标均达到目标进度。');
    expect(allOnTrackOrNone([[zz({ status: 'no_target', verdict_kind: null }), kf({ status: 'no_data' })]], 'zh-CN')).toBe('');
  });
});
