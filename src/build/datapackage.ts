/** The Frictionless Data Package descriptor of the public files, generated from the schemas. */
import * as schema from '../lib/schema.ts';
import { PUBLIC_TABLES } from '../engine/tables.ts';
import { PROJECT_RATES } from '../lib/projects.ts';
import type { Audience, DatasetInfo } from './build-data.ts';

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

/** What the build published, which the descriptions of the public files depend on. */
export interface Published {
  audience: Audience;
  /** Rate figures computed from the projects ledger and published as observations (0 without a ledger). */
  rateFigures: number;
}

/**
 * The public files that are not the package's files as committed, described as what they
 * hold: the build types them, adds columns, picks a vintage, adds the rates computed from the
 * ledger and leaves out what is embargoed or, for the public, internal. The other tables are
 * published as committed, and their source's description stays true.
 */
const PUBLISHED_DESCRIPTIONS: Record<string, (p: Published) => string> = {
  releases: () =>
    'The releases whose embargo had passed when the data was built, in the order they were published: when (UTC), their title and where their figures come from. A release still under embargo is left out.',
  observations: (p) =>
    'The figures the site shows: the latest published vintage of every jurisdiction, indicator and period (observation_vintages holds every vintage), ordered by indicator, period and jurisdiction. ' +
    `Typed (numbers as numbers, an empty cell is missing), with year and month derived from period and the release that published the figure. ` +
    (p.rateFigures > 0
      ? `It includes the three rates of the projects ledger (${PROJECT_RATES.map((r) => r.id).join(', ')}), which the build computes from the projects table, each note giving the counts a rate comes from. `
      : '') +
    (p.audience === 'public' ? 'Internal indicators are left out.' : 'Internal indicators included: for the bureau’s own use, not for publication.'),
  observation_vintages: (p) =>
    'Every vintage of the figures in observations: vintage 1 is a figure’s first publication, each later one a revision, and is_latest marks the one observations holds. ' +
    `Typed as observations, with year, month and release${p.rateFigures > 0 ? '; the rates of the projects ledger have one vintage, as of the ledger’s latest release for their month' : ''}. ` +
    (p.audience === 'public' ? 'Internal indicators are left out.' : 'Internal indicators included: for the bureau’s own use, not for publication.'),
  projects: (p) =>
    'The investment projects ledger (招商项目台账) as published: one row per project per month, as of the end of the month, from the published releases (releases). ' +
    `Typed (numbers as numbers, dates as dates, an empty cell is missing), with year and month derived from period, visibility decided (internal until the project has a signed date where the ledger leaves it empty) and the release whose file the row came from. ` +
    (p.audience === 'public' ? 'Public projects only.' : 'Every project, public or internal: for the bureau’s own use, not for publication.'),
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

export function buildDatapackage(dataset: DatasetInfo, rowCounts: Record<string, number>, published: Published): object {
  const resources = PUBLIC_TABLES.flatMap((t) => {
    const source = SOURCE_TABLE[t.name];
    const fields = Object.entries(t.columns).map(([name, type]) => ({
      name,
      type: FRICTIONLESS_TYPE[type] ?? 'string',
      description: DERIVED_DESCRIPTIONS[name] ?? source?.columns.find((c) => c.name === name)?.description ?? '',
    }));
    const tableSchema = { fields, primaryKey: PRIMARY_KEY[t.name] ?? [], missingValues: [''] };
    const rows = rowCounts[t.name] ?? 0;
    // A table without rows (the projects ledger of a package that keeps none, or whose projects
    // are all internal in a public build) keeps its files, which the engines read, and its
    // resources, so that a script reading the package by name works on every build; but says it
    // is empty rather than describe rows there are none of. The data page does not offer its files.
    const description = (PUBLISHED_DESCRIPTIONS[t.name]?.(published) ?? source?.description ?? '') + (rows === 0 ? ' EMPTY in this build: no rows of this table are published (the CSV holds its header only).' : '');
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
