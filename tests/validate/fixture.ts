/**
 * A minimal valid data directory, written to a temp dir with one injected problem at a time.
 * Keep it valid: the first test asserts it has no problems at all.
 */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { validateDataDir, type Problem, type ValidationReport } from '../../src/validate/index.ts';

export const BASE: Record<string, string> = {
  'jurisdictions.csv': [
    'code,parent,level,name_zh,name_en,valid_from,valid_to',
    '410000,,province,河南省,Henan,,',
    '410100,410000,prefecture,郑州市,Zhengzhou,,',
    '410300,410000,prefecture,洛阳市,Luoyang,,',
    '410306,410300,county,吉利区,Jili,,2021-02-28',
    '410308,410300,county,孟津区,Mengjin,2021-03-01,',
  ].join('\n') + '\n',
  'indicators.csv': [
    'id,name_zh,name_en,unit,kind,higher_is_better,additive,allow_negative,decimals,visibility,category,definition_zh,definition_en,source',
    'retail_sales,社会消费品零售总额,Retail sales,亿元,ytd_flow,true,true,false,1,public,consumption,,,统计局',
    'fdi_actual,实际利用外资,Actual FDI,万美元,ytd_flow,true,true,false,0,public,investment,,,商务厅',
    'population,常住人口,Population,万人,stock,true,true,false,0,internal,economy,,,统计局',
  ].join('\n') + '\n',
  'releases.csv': [
    'id,published_at,title,source,notes',
    '2025-06,2025-07-15T10:00:00+08:00,2025年1-6月,"统计局, 商务厅",',
  ].join('\n') + '\n',
  'exchange_rates.csv': 'year,currency,cny_per_unit,source\n2024,USD,7.1217,国家统计局\n',
  'observations/2025-06.csv': [
    'jurisdiction,indicator,period,value,yoy_pct,flag,note',
    '410000,retail_sales,2025-05,10000.5,5.1,,',
    '410000,retail_sales,2025-06,12000.5,-0.5,,',
    '410100,retail_sales,2025-06,3000,4.8,p,"line one',
    'line two"',
    '410300,retail_sales,2025-06,,,c,',
    '410308,fdi_actual,2025-06,1234,12,,',
    '410000,population,2024,9785,,,',
  ].join('\n') + '\n',
  'targets/2025.csv': [
    'jurisdiction,indicator,year,type,value,qualifier,source,note',
    '410100,retail_sales,2025,growth,6,以上,2025年工作要点,',
    '410100,fdi_actual,2025,level,50000,,2025年工作要点,',
  ].join('\n') + '\n',
  'geo/maps.csv': 'parent,file,attribution_zh,attribution_en,approval_number\n410000,henan.topojson,示例边界,Sample boundaries,\n',
  'geo/henan.topojson': JSON.stringify({
    type: 'Topology',
    arcs: [],
    objects: { units: { type: 'GeometryCollection', geometries: [{ type: null, id: '410100' }, { type: null, id: '410300' }] } },
  }),
};

const made: string[] = [];

/** Writes BASE with `changes` applied (null deletes a file) and returns the directory. */
export async function makeDataDir(changes: Record<string, string | Uint8Array | null> = {}): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'validate-'));
  made.push(dir);
  const files = { ...BASE, ...changes };
  for (const [rel, content] of Object.entries(files)) {
    if (content === null) continue;
    await mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
    await writeFile(path.join(dir, rel), content);
  }
  return dir;
}

export async function removeDataDirs(): Promise<void> {
  await Promise.all(made.splice(0).map((d) => rm(d, { recursive: true, force: true })));
}

/** BASE's file with `line` (1-based) replaced by `text`. */
export function withLine(rel: string, line: number, text: string): Record<string, string> {
  const lines = BASE[rel]!.split('\n');
  lines[line - 1] = text;
  return { [rel]: lines.join('\n') };
}

/** BASE's file with lines appended. */
export function withRows(rel: string, ...rows: string[]): Record<string, string> {
  return { [rel]: BASE[rel] + rows.map((r) => `${r}\n`).join('') };
}

export async function validate(changes: Record<string, string | Uint8Array | null>): Promise<{ dir: string; report: ValidationReport }> {
  const dir = await makeDataDir(changes);
  return { dir, report: await validateDataDir(dir) };
}

/** Asserts that exactly one listed problem has this code at this place, and returns it. */
export function expectProblem(
  { dir, report }: { dir: string; report: ValidationReport },
  code: string,
  rel: string,
  line: number,
  column: number,
): Problem {
  const here = report.problems.filter((p) => p.code === code && p.file === path.join(dir, rel));
  expect(here.map((p) => `${p.line}:${p.column}`), `${code} in ${rel}; all problems:\n${summary(report)}`).toEqual([`${line}:${column}`]);
  return here[0]!;
}

export function codes(report: ValidationReport): string[] {
  return report.problems.map((p) => p.code);
}

function summary(report: ValidationReport): string {
  return report.problems.map((p) => `${path.basename(p.file)}:${p.line}:${p.column} ${p.code} ${p.message}`).join('\n');
}
