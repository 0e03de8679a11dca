/**
 * indicators.csv: the indicators the shared figures measure. Definitions are ours, written from
 * the NBS explanatory notes (主要统计指标解释) in plain words.
 */
import type { Kind, Unit } from '../../src/lib/schema.ts';

export interface Indicator {
  id: string;
  name_zh: string;
  name_en: string;
  unit: Unit;
  kind: Kind;
  higher_is_better: 'true' | 'false';
  additive: 'true' | 'false';
  allow_negative: 'true' | 'false';
  decimals: string;
  visibility: 'public' | 'internal';
  category: string;
  definition_zh: string;
  definition_en: string;
  source: string;
}

export const INDICATORS: readonly Indicator[] = [
  {
    id: 'gdp',
    name_zh: '地区生产总值',
    name_en: 'Gross regional product (GDP)',
    unit: '亿元',
    // An annual flow; quarterly figures are cumulative, so it behaves like the other YTD flows.
    kind: 'ytd_flow',
    higher_is_better: 'true',
    additive: 'true',
    allow_negative: 'false',
    decimals: '1',
    visibility: 'public',
    category: 'economy',
    definition_zh:
      '一个地区所有常住单位在一定时期内生产活动的最终成果，按当年价格计算。增长率为统计部门公布的按不变价格计算的实际增长率，不等于两年现价总量之比。',
    definition_en:
      'Final output of all resident units of a region in a period, at current prices. Growth rates are the real (constant-price) rates published by the statistics office, not the ratio of two current-price levels.',
    source: '国家统计局、各省（区、市）统计局 / National Bureau of Statistics (NBS) and provincial statistics bureaus',
  },
  {
    id: 'population',
    name_zh: '年末常住人口',
    name_en: 'Resident population at year end',
    unit: '万人',
    kind: 'stock',
    higher_is_better: 'true',
    additive: 'true',
    allow_negative: 'false',
    decimals: '0',
    visibility: 'public',
    category: 'economy',
    definition_zh: '年末（12月31日24时）在本地区居住的人口，包括户口在外但在本地居住半年以上的人，不包括外出半年以上的本地户籍人口。',
    definition_en:
      'People living in the region at the end of the year (24:00 on 31 December), including those registered elsewhere who have lived there for six months or more, excluding registered residents away for six months or more.',
    source: '国家统计局 / National Bureau of Statistics (NBS)',
  },
  {
    id: 'trade_total',
    name_zh: '货物进出口总额',
    name_en: 'Total imports and exports of goods',
    unit: '亿元',
    kind: 'ytd_flow',
    higher_is_better: 'true',
    additive: 'true',
    allow_negative: 'false',
    decimals: '1',
    visibility: 'public',
    category: 'trade',
    definition_zh: '实际进出我国关境的货物总金额（出口加进口），以人民币计。分地区数据按海关统计的地区口径汇总。',
    definition_en:
      'Value of goods actually crossing China\'s customs border (exports plus imports), in yuan. Regional figures follow the regional breakdown of customs statistics.',
    source: '海关总署、国家统计局 / General Administration of Customs (GACC), NBS',
  },
  {
    id: 'retail_sales',
    name_zh: '社会消费品零售总额',
    name_en: 'Total retail sales of consumer goods',
    unit: '亿元',
    kind: 'ytd_flow',
    higher_is_better: 'true',
    additive: 'true',
    allow_negative: 'false',
    decimals: '1',
    visibility: 'public',
    category: 'consumption',
    definition_zh:
      '企业（单位、个体户）通过交易直接售给个人、社会集团非生产、非经营用的实物商品金额，以及提供餐饮服务所取得的收入金额。月度数据为年初至当月累计。各省年度数据取自国家统计局分省年度数据库，是经修订的数列，可能与各省统计公报、政府工作报告首次公布的数据不同；各省数据之和不等于全国总计。增速为各地公布的可比口径增速，不由总量计算。',
    definition_en:
      "Value of physical goods sold directly to households and to organisations for non-productive use, plus catering revenue. Monthly figures are cumulative from January. The provinces' annual figures are the revised series of the NBS provincial annual database and may differ from what a province first published in its own statistical bulletin or government work report; the provinces do not add up to the national total. Growth rates are the comparable-basis rates published, never computed from the levels.",
    source: '国家统计局、各地统计局 / NBS and local statistics bureaus',
  },
  {
    id: 'online_retail',
    name_zh: '网上零售额',
    name_en: 'Online retail sales',
    unit: '亿元',
    kind: 'ytd_flow',
    higher_is_better: 'true',
    additive: 'true',
    allow_negative: 'false',
    decimals: '0',
    visibility: 'public',
    category: 'consumption',
    definition_zh:
      '通过公共网络交易平台（包括自建网站和第三方平台）实现的商品和服务零售额之和（全国网上零售额）。与电子商务交易额不同，后者还包括企业间交易。月度数据为年初至当月累计。',
    definition_en:
      'Retail sales of goods and services made through public online trading platforms (own websites and third-party platforms). Not the same as e-commerce turnover, which also counts business-to-business trade. Monthly figures are cumulative from January.',
    source: '国家统计局 / National Bureau of Statistics (NBS)',
  },
];
