/**
 * Revisions in the open, at build time: what each release revised (read from
 * observation_vintages, every public vintage of every figure), and for the pages that show a
 * figure, which release revised it, so that its mark can link there.
 *
 * A figure counts as revised when it is a later vintage of its key (vintage > 1) or when it was
 * published with flag r (a statistician may publish a revised figure whose first publication is
 * not in the package). The release that revised a figure shown on a page is the release of its
 * current vintage.
 */
import type { Locale } from '../lib/i18n.ts';
import { revisedFrom, type ReleaseRevisions, type Revised } from '../views/revisions.ts';
import { siteEngine } from './data.ts';
import { releases, releaseTitle } from './model.ts';
import { releaseHref } from './paths.ts';

/** One revised figure of a release: its new vintage beside the one it replaced (none for a first publication flagged r). */
export interface RevisionRow {
  jurisdiction: string;
  indicator: string;
  period: string;
  release: string;
  vintage: number;
  value: number | null;
  yoy_pct: number | null;
  flag: string | null;
  old_release: string | null;
  old_value: number | null;
  old_yoy_pct: number | null;
  old_flag: string | null;
}

async function query<T>(sql: string): Promise<T[]> {
  return (await (await siteEngine()).query(sql)) as unknown as T[];
}

let byRelease: Promise<Map<string, RevisionRow[]>> | undefined;

/** Every revised figure, by the release that revised it; rows by indicator, period, jurisdiction. */
export function revisionsByRelease(): Promise<Map<string, RevisionRow[]>> {
  byRelease ??= query<RevisionRow>(
    `SELECT v.jurisdiction, v.indicator, v.period, v.release, v.vintage, v.value, v.yoy_pct, v.flag,
       p.release AS old_release, p.value AS old_value, p.yoy_pct AS old_yoy_pct, p.flag AS old_flag
     FROM observation_vintages v
     LEFT JOIN observation_vintages p
       ON p.jurisdiction = v.jurisdiction AND p.indicator = v.indicator AND p.period = v.period AND p.vintage = v.vintage - 1
     WHERE v.vintage > 1 OR v.flag = 'r'
     ORDER BY v.release, v.indicator, v.year, coalesce(v.month, 13), v.period, v.jurisdiction`,
  ).then((rows) => {
    const out = new Map<string, RevisionRow[]>();
    for (const r of rows) {
      let list = out.get(r.release);
      if (!list) out.set(r.release, (list = []));
      list.push(r);
    }
    return out;
  });
  return byRelease;
}

interface CurrentRevision {
  jurisdiction: string;
  indicator: string;
  period: string;
  release: string;
}

let current: Promise<CurrentRevision[]> | undefined;

/** Each current figure that was revised, with the release that revised it. */
function currentRevisions(): Promise<CurrentRevision[]> {
  current ??= query<CurrentRevision>(
    `SELECT jurisdiction, indicator, period, release FROM observation_vintages
     WHERE is_latest AND (vintage > 1 OR flag = 'r')
     ORDER BY release, jurisdiction, indicator, year, coalesce(month, 13), period`,
  );
  return current;
}

/**
 * The revised figures, per release with its page and words in the reader's language, for
 * `revisedFrom`: all of them, or those of the (jurisdiction, indicator) pairs `keep` keeps (what
 * a browser view's tables may show, carried in its view config).
 */
export async function revisionData(locale: Locale, keep: (jurisdiction: string, indicator: string) => boolean = () => true): Promise<ReleaseRevisions[]> {
  const titles = new Map((await releases()).map((r) => [r.id, releaseTitle(r, locale)]));
  const out = new Map<string, ReleaseRevisions>();
  for (const r of await currentRevisions()) {
    if (!keep(r.jurisdiction, r.indicator)) continue;
    let entry = out.get(r.release);
    if (!entry) {
      const title = titles.get(r.release) ?? r.release;
      entry = { href: releaseHref(r.release, locale), label: locale === 'en' ? `revised in ${title}` : `修订于${title}`, figures: {} };
      out.set(r.release, entry);
    }
    const key = `${r.jurisdiction} ${r.indicator}`;
    entry.figures[key] = entry.figures[key] ? `${entry.figures[key]} ${r.period}` : r.period;
  }
  return [...out.values()];
}

const lookups = new Map<Locale, Promise<Revised>>();

/**
 * For the renderers: the link of a figure's revision mark, to the release page that revised it,
 * in the reader's language; null for a figure never revised.
 */
export function revisedLookup(locale: Locale): Promise<Revised> {
  let lookup = lookups.get(locale);
  if (!lookup) {
    lookup = revisionData(locale).then(revisedFrom);
    lookups.set(locale, lookup);
  }
  return lookup;
}
