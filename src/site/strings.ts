/** Words of the pages (the charts' own words are in src/lib/i18n.ts). */
import type { Bilingual, Locale } from '../lib/i18n.ts';
import { paren, pick } from '../lib/i18n.ts';

export const T = {
  home: { zh: '首页', en: 'Home' },
  indicators: { zh: '指标', en: 'Indicators' },
  jurisdictions: { zh: '地区', en: 'Jurisdictions' },
  progressBoard: { zh: '目标进度', en: 'Target progress' },
  data: { zh: '数据下载', en: 'Data' },
  methodology: { zh: '方法说明', en: 'Methodology' },
  language: { zh: 'English', en: '中文' },
  languageName: { zh: 'Switch to English', en: '切换到中文' },
  skip: { zh: '跳到正文', en: 'Skip to content' },
  mainNav: { zh: '主导航', en: 'Main' },
  dataAsOf: { zh: '数据截至', en: 'Data as of' },
  dataVersion: { zh: '数据版本', en: 'Data version' },
  latestRelease: { zh: '最新发布', en: 'Latest release' },
  published: { zh: '发布时间', en: 'Published' },
  source: { zh: '来源', en: 'Source' },
  period: { zh: '时期', en: 'Period' },
  value: { zh: '数值', en: 'Value' },
  yoy: { zh: '同比增长', en: 'YoY growth' },
  target: { zh: '年度目标', en: 'Annual target' },
  completion: { zh: '完成进度', en: 'Target reached' },
  elapsed: { zh: '时间进度', en: 'Time elapsed' },
  // Terms for gaps in percentage points; a table header adds the unit (inPp), a cell then
  // shows the bare signed number, so the unit is said once. Defined on the methodology page.
  paceGap: { zh: '快慢', en: 'Gap to time elapsed' },
  seasonal: { zh: '季节进度', en: 'Seasonal pace' },
  growthGap: { zh: '增速差', en: 'Gap to growth target' },
  pp: { zh: '百分点', en: 'pp' },
  status: { zh: '状态', en: 'Status' },
  rank: { zh: '排名', en: 'Rank' },
  ahead: { zh: '标兵（前一位）', en: 'Pace-setter (just ahead)' },
  behind: { zh: '追兵（后一位）', en: 'Pursuer (just behind)' },
  paceSetter: { zh: '标兵', en: 'pace-setter' },
  pursuer: { zh: '追兵', en: 'pursuer' },
  jurisdiction: { zh: '地区', en: 'Jurisdiction' },
  indicator: { zh: '指标', en: 'Indicator' },
  unit: { zh: '单位', en: 'Unit' },
  definition: { zh: '定义', en: 'Definition' },
  map: { zh: '地图', en: 'Map' },
  ranking: { zh: '排名', en: 'Ranking' },
  trend: { zh: '走势', en: 'Trend' },
  dataTable: { zh: '数据表', en: 'Data table' },
  parentCompare: { zh: '与上级比较', en: 'Compared with the parent' },
  children: { zh: '下辖地区', en: 'Subdivisions' },
  flags: { zh: '标记说明', en: 'Flags' },
  synthetic: {
    zh: '示例数据（合成）：本站数字由程序生成，用于演示，不是官方统计数据。',
    en: 'Synthetic demonstration data: the figures on this site are generated for a demo and are not official statistics.',
  },
  /** Said on every picture of a synthetic site (its link previews). */
  syntheticMark: { zh: '示例数据（合成）', en: 'Synthetic demo data' },
  noData: { zh: '暂无数据', en: 'No data yet' },
  noTargets: { zh: '本期没有设定目标的指标。', en: 'No indicator has a target for this period.' },
  whatChanged: { zh: '本次发布更新', en: 'What this release changed' },
  newFigures: { zh: '新增数据', en: 'New figures' },
  revisedFigures: { zh: '修订数据', en: 'Revised figures' },
  releases: { zh: '发布记录', en: 'Releases' },
  downloads: { zh: '下载', en: 'Downloads' },
  rows: { zh: '行数', en: 'Rows' },
  file: { zh: '文件', en: 'File' },
  size: { zh: '大小', en: 'Size' },
  byLevel: { zh: '规模', en: 'Level' },
  byGrowth: { zh: '增速', en: 'Growth' },
  explore: { zh: '在浏览器中查询其他时期', en: 'Query another period in your browser' },
} as const satisfies Record<string, Bilingual>;

export type Key = keyof typeof T;
export const t = (key: Key, locale: Locale): string => pick(T[key], locale);

/** A column header with its unit, percentage points: "增速差（百分点）" / "Gap to growth target (pp)". */
export const inPp = (key: Key, locale: Locale): string => `${t(key, locale)}${paren(t('pp', locale), locale)}`;
