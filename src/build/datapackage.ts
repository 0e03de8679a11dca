/** The Frictionless Data Package descriptor of the public files, generated from the schemas. */
import * as schema from '../lib/schema.ts';
import { PUBLIC_TABLES } from '../engine/tables.ts';
import type { DatasetInfo } from './build-data.ts';

const FRICTIONLESS_TYPE: Record<string, string> = {
  VARCHAR: 'string',
  DOUBLE: 'number',
  INTEGER: 'integer',
  BOOLEAN: 'boolean',
  DATE: 'date',
};

/** Columns the build adds to the package's own, described here because no source table has them. */
const DERIVED_DESCRIPTIONS: Record<string, string> = {
  year: 'Year of the period.',
  month: 'Last month of a year-to-date period (January to month); empty for an annual figure.',
  release: 'Release that published this figure (see releases).',
  vintage: '1 for the first publication of this figure, 2 for its first revision, and so on.',
  is_latest: 'true for the vintage shown on the site.',
  published_at: 'When the release was published, UTC.',
  band_pp: 'For a 左右 (about) target: how many points short of it still count as about on target (dataset.json about_band_pp).',
};

const SOURCE_TABLE: Record<string, schema.Table> = {
  jurisdictions: schema.jurisdictions,
  indicators: schema.indicators,
  releases: schema.releases,
  observations: schema.observations,
  observation_vintages: schema.observations,
  targets: schema.targets,
  exchange_rates: schema.exchangeRates,
  projects: schema.projects,
};

const PRIMARY_KEY: Record<string, string[]> = {
  jurisdictions: ['code', 'valid_from'],
  indicators: ['id'],
  releases: ['id'],
  observations: ['jurisdiction', 'indicator', 'period'],
  observation_vintages: ['jurisdiction', 'indicator', 'period', 'vintage'],
  targets: ['jurisdiction', 'indicator', 'year'],
  exchange_rates: ['year', 'currency'],
  projects: ['project', 'period'],
};

export function buildDatapackage(dataset: DatasetInfo, rowCounts: Record<string, number>): object {
  const resources = PUBLIC_TABLES.flatMap((t) => {
    const source = SOURCE_TABLE[t.name];
    const fields = Object.entries(t.columns).map(([name, type]) => ({
      name,
      type: FRICTIONLESS_TYPE[type] ?? 'string',
      description: DERIVED_DESCRIPTIONS[name] ?? source?.columns.find((c) => c.name === name)?.description ?? '',
    }));
    const tableSchema = { fields, primaryKey: PRIMARY_KEY[t.name] ?? [], missingValues: [''] };
    const rows = rowCounts[t.name] ?? 0;
    // A table without rows (the projects ledger of a package that keeps none) keeps its files,
    // which the engines read, and its resources, so that a script reading the package by name
    // works on every build; but says it is empty rather than describe rows there are none of.
    // The data page does not offer its files.
    const description = (source?.description ?? '') + (rows === 0 ? ' EMPTY in this build: the data package has no rows of this table (the CSV holds its header only).' : '');
    return [
      { name: t.name, path: t.file, format: 'csv', mediatype: 'text/csv', encoding: 'utf-8', description, rows, schema: tableSchema },
      { name: `${t.name}_parquet`, path: `parquet/${t.file.replace(/\.csv$/, '.parquet')}`, format: 'parquet', mediatype: 'application/vnd.apache.parquet', description, rows, schema: tableSchema },
    ];
  });
  return {
    name: 'commerce-indicators',
    title: `${dataset.title_zh} / ${dataset.title_en}`,
    description: dataset.synthetic ? 'SYNTHETIC demonstration data: not official figures.' : 'Commerce indicators, targets and releases.',
    profile: 'data-package',
    resources,
  };
}
