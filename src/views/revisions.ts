/**
 * The mark of a revised figure: its r mark (修 / r) as a link to the page of the release that
 * revised it, where the old and the new figure stand side by side. The renderers take a lookup
 * (`Revised`), made by `revisedFrom` from the revised figures: the pages from all of them
 * (src/site/revisions.ts), the browser views from those of their own tables, which the page
 * carries in its view config. So a table marks the same figures with the same links in both
 * places; without a lookup a figure shows its flag as before.
 */
import { flagText } from '../lib/format.ts';
import type { Locale } from '../lib/i18n.ts';
import { el, escapeText } from '../render/svg.ts';

export interface RevisionLink {
  /** The revised figure's row on its release page. */
  href: string;
  /** What a screen reader and a tooltip say: "修订于2025年6月发布". */
  label: string;
}

/** The revision link of the figure of (jurisdiction, indicator, period), or null when it was never revised. */
export type Revised = (jurisdiction: string, indicator: string, period: string) => RevisionLink | null;

/** The figures one release revised, as a page carries them to the browser. */
export interface ReleaseRevisions {
  /** The release's page. */
  href: string;
  /** What a screen reader and a tooltip say of each: "修订于2025年6月发布". */
  label: string;
  /** Per "jurisdiction indicator", the periods of the figures the release revised, joined by spaces. */
  figures: Record<string, string>;
}

/** The anchor of a revised figure's row on its release page. */
export const revisionAnchor = (jurisdiction: string, indicator: string, period: string): string => `rev-${jurisdiction}-${indicator}-${period}`;

/** The lookup of the renderers over revised figures: each marked with its release, linked to its row there. */
export function revisedFrom(releases: readonly ReleaseRevisions[]): Revised {
  const links = new Map<string, RevisionLink>();
  for (const r of releases) {
    for (const [key, periods] of Object.entries(r.figures)) {
      const [jurisdiction, indicator] = key.split(' ') as [string, string];
      for (const period of periods.split(' ')) {
        links.set(`${key} ${period}`, { href: `${r.href}#${revisionAnchor(jurisdiction, indicator, period)}`, label: r.label });
      }
    }
  }
  return (jurisdiction, indicator, period) => links.get(`${jurisdiction} ${indicator} ${period}`) ?? null;
}

export function revisionMark(link: RevisionLink, locale: Locale): string {
  return el(
    'sup',
    { class: 'flag rev' },
    el(
      'a',
      { href: link.href, title: link.label },
      el('span', { 'aria-hidden': 'true' }, escapeText(flagText('r', locale).mark)),
      el('span', { class: 'sr-only' }, escapeText(link.label)),
    ),
  );
}
