/**
 * Chinese text for every problem code. The checks write their specific message, expectation and
 * fix in English; this table adds, per code, what is wrong and how it is usually fixed in
 * Chinese, with the offending text (`found`) where the code always names a cell or a file. The
 * English detail follows it, so nothing a check says is lost in translation.
 */

export interface ZhText {
  /** What is wrong, given the problem's `found` text. */
  what: (found: string) => string;
  /** How such a problem is fixed, in general. */
  fix: string;
}

/** “…”, cut like quote() so a long cell does not flood the line. */
function q(text: string): string {
  return `“${text.length > 60 ? `${text.slice(0, 57)}...` : text}”`;
}

export const ZH: Readonly<Record<string, ZhText>> = {
  E_FILE_MISSING: { what: () => '缺少必需的文件', fix: '按 docs/data-format.md 建立该文件，至少写出表头行' },
  E_FILE_READ: { what: () => '文件存在但无法读取', fix: '检查文件权限' },
  E_FILE_KIND: { what: () => '这不是普通文件（而是符号链接、文件夹或其他），不会被读取', fix: '把文件本身复制到数据包中，或将其移出数据包' },
  E_FORMULA_TEXT: { what: () => '文本以 = + - @、制表符或回车开头，电子表格打开下载文件时会当作公式执行', fix: '在前面加一个字，或改用全角“＝”“＋”，或写“—”' },
  E_FILE_NAME: { what: (f) => `文件名${q(f)}不符合要求`, fix: '按规定改名，如 targets/2025.csv、observations/2025-06.csv' },
  E_ENCODING: { what: () => '文件不是 UTF-8 编码', fix: '在 Excel 中另存为“CSV UTF-8（逗号分隔）”，或用 iconv 转换为 UTF-8' },
  E_EMPTY_FILE: { what: () => '文件为空，没有表头行', fix: '在第一行写出列名' },
  E_CSV_QUOTE: { what: () => '引号使用不规范', fix: '含逗号、引号或换行的字段整体加双引号，字段内的双引号写两次' },
  E_COLUMN_MISSING: { what: () => '表头缺少必需的列', fix: '在表头中加上该列（该列的值可以为空）' },
  E_COLUMN_UNKNOWN: { what: (f) => `表头中有本表没有的列${q(f)}`, fix: '改为正确的列名，或删去该列，把说明写在备注列' },
  E_COLUMN_DUPLICATE: { what: (f) => `列${q(f)}在表头中出现了两次`, fix: '删去重复的一列' },
  E_FIELD_COUNT: { what: () => '这一行的字段数与表头不一致', fix: '含逗号的字段加双引号，空值也要保留逗号' },
  E_CELL_TOO_LONG: { what: () => '字段超过 10,000 个字符，多半是引号没有闭合', fix: '缩短该字段，或补上缺少的引号' },
  E_REQUIRED: { what: () => '必填字段为空', fix: '填写该字段' },
  E_ENUM: { what: (f) => `${q(f)}不是允许的取值`, fix: '改为允许的取值之一（注意大小写）' },
  E_PERIOD: { what: (f) => `时期${q(f)}不是 YYYY 或 YYYY-MM`, fix: '年度写 2025，1 至 6 月累计写 2025-06，月份为 01 至 12' },
  E_DATE: { what: (f) => `日期${q(f)}不是有效的 YYYY-MM-DD 日期`, fix: '写成 2021-03-01 这样的日期' },
  E_DATETIME: { what: (f) => `时间${q(f)}不是带时区的 ISO 8601 时间`, fix: '写成 2025-07-15T10:00:00+08:00（北京时间）' },
  E_INTEGER: { what: (f) => `${q(f)}不是整数`, fix: '写一个整数' },
  E_RANGE: { what: (f) => `数值${q(f)}超出允许范围`, fix: '改为允许范围内的数值' },
  E_NUMBER_FORMAT: { what: (f) => `数值${q(f)}不是规范的数字写法`, fix: '只写数字、小数点和负号，如 1234.5：不要千位分隔符、全角数字、单位、百分号或科学计数法' },
  E_ID_FORMAT: { what: (f) => `代码或标识${q(f)}含有不允许的字符`, fix: '只用允许的字符（字母、数字、_、-），前后不留空格' },
  E_FLAG_VALUE: { what: () => '数值与标志（flag）不一致', fix: '有数值就写数值；无数据留空并标 na，保密留空并标 c' },
  E_NEGATIVE: { what: (f) => `${q(f)}是负数，而该指标不允许负值`, fix: '核对符号；下降应写在同比增速 yoy_pct 中' },
  E_UNKNOWN_JURISDICTION: { what: (f) => `行政区划代码${q(f)}不在 jurisdictions.csv 中`, fix: '使用 jurisdictions.csv 中已有的代码，前后不留空格' },
  E_UNKNOWN_INDICATOR: { what: (f) => `指标${q(f)}不在 indicators.csv 中`, fix: '使用 indicators.csv 中已有的指标 id' },
  E_JURISDICTION_VALIDITY: { what: (f) => `行政区划代码${q(f)}在该时期无效`, fix: '使用该时期有效的代码，或更正 jurisdictions.csv 中的 valid_from/valid_to' },
  E_DUPLICATE_KEY: { what: (f) => `同一主键${q(f)}出现了两次`, fix: '只保留一行；更正已发布的数据应另发一个新的发布' },
  E_YTD_DECREASE: { what: (f) => `累计值 ${f} 小于同年更早月份的累计值`, fix: '核对两个数值及其单位' },
  E_NO_OBSERVATIONS: { what: () => '没有任何数据：没有数据文件，或数据文件只有表头', fix: '在 observations/ 下加入一个发布的数据' },
  E_NO_RELEASE: { what: (f) => `发布 ${f} 未列在 releases.csv 中`, fix: '在 releases.csv 中加上该发布及其发布时间' },
  E_TARGET_YEAR: { what: (f) => `目标年份 ${f} 与文件名中的年份不一致`, fix: '更正年份，或把该行移到对应年份的文件' },
  E_TARGET_VALUE: { what: () => '目标值与目标类型不相符', fix: 'level、growth 目标须写数值；qualitative、none 的数值留空，原文写在 note' },
  E_TARGET_VALUE_MAX: { what: () => 'value_max 与限定词“区间”不相符', fix: '区间目标写 value_max，其他目标的 value_max 留空' },
  E_TARGET_BOUNDS: { what: () => '区间的上限低于下限', fix: '对调 value 与 value_max' },
  E_TARGET_QUALIFIER: { what: () => '定性目标或无目标带了限定词', fix: '清空限定词 qualifier' },
  E_JSON: { what: () => 'dataset.json 不是一个有效的 JSON 对象', fix: '按所指位置更正 JSON 语法：键和文字用双引号，条目之间用逗号，最后一条后不加逗号' },
  E_DATASET_SETTING: { what: (f) => `dataset.json 中的设置值 ${f} 不正确`, fix: '按 docs/data-format.md 写正确的值，或删去该键使用默认值' },
  E_PARENT: { what: (f) => `上级代码${q(f)}不存在、是本单位自身或形成循环`, fix: '写该单位所隶属单位的代码' },
  E_ROOT: { what: () => '不止一个单位没有上级（parent 为空）', fix: '只保留一个根单位，给其他单位填写上级' },
  E_VALIDITY_RANGE: { what: () => 'valid_to 早于 valid_from', fix: '更正或对调两个日期' },
  E_VALIDITY_PARENT: { what: () => '该单位在其上级无效的日子里有效', fix: '让该单位随上级一同结束，并从次日起在新的上级下另加一行' },
  E_VALIDITY_OVERLAP: { what: () => '同一代码的两行在同一天都有效', fix: '让较早一行在较晚一行开始的前一天结束' },
  E_GEO_FORMAT: { what: () => '地图文件不是含有 units 对象的 TopoJSON', fix: '用 geo2topo units=boundaries.geojson > file.topojson 转换' },
  E_PROJECT_STAGE: { what: (f) => `项目阶段倒退为${q(f)}，但未在 stage_note 中说明原因`, fix: '更正阶段；如项目确实倒退（如合同解除、重新洽谈），在 stage_note 中写明原因' },
  E_PROJECT_DATE: { what: () => '项目的日期与其阶段不符', fix: '签约及以后的阶段须填签约日期（signed_on），开工、投产须填开工日期（started_on），日期不晚于报告期末，开工不早于签约；签约日期一经填写，以后各期都要保留' },
  E_PROJECT_AMOUNT: { what: (f) => `项目金额${q(f)}不符合要求`, fix: '金额不能为负；填了金额就要在 unit 中写明单位（如 万元）；有签约日期的项目须填签约金额（amount）' },
  E_PROJECT_NO_RATE: { what: (f) => `美元金额（单位${q(f)}）无法折合人民币：exchange_rates.csv 中没有当年或此前年份的美元汇率`, fix: '在 exchange_rates.csv 中补上该年（或最近已公布年份）的美元年平均汇率' },
  E_PROJECT_INDICATOR: { what: (f) => `指标${q(f)}是由项目台账计算的“三率”之一，不能自行声明或填报`, fix: '删去该行：有项目台账（projects/）时，数据构建会自动计算并发布该指标' },
  W_FUNDS_EXCEED: { what: (f) => `累计到位资金 ${f} 超过签约金额`, fix: '核对两个数值及其单位；如属实无须改动，资金到位率不封顶' },
  W_PROJECT_IDENTITY: { what: (f) => `项目的地区、来源或名称与上一期不同（现为${q(f)}）`, fix: '核对项目编号：不同的项目应使用不同的编号；如确属区划调整或项目更名，可忽略此警告' },
  W_YOY_RANGE: { what: (f) => `增速 ${f}% 超出 ±80%`, fix: '核对增速；yoy_pct 以百分数计，12.5 即 12.5%' },
  W_UNIT_SLIP: { what: (f) => `数值 ${f} 与本序列的典型数值相差千倍以上，可能写错了单位（万/亿）`, fix: '按指标的单位填写数值' },
  W_LEVEL_JUMP: { what: (f) => `数值 ${f} 是上一个可比数值的 10 倍以上或十分之一以下`, fix: '核对数值及其单位' },
  W_RELEASE_NO_FILE: { what: (f) => `发布 ${f} 没有对应的数据文件`, fix: '补上 observations/ 下的数据文件；如该发布已撤回，删去这一行' },
  W_IGNORED_FILE: { what: (f) => `文件${q(f)}不会被读取`, fix: '另存为 CSV UTF-8，或改用小写的 .csv 扩展名' },
  W_GEO_UNKNOWN_ID: { what: () => '地图中有要素的 id 不是行政区划代码', fix: '把每个要素的 id 设为其行政区划代码' },
};
