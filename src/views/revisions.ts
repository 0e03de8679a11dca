/**
 * The mark of a revised figure: its r mark (修 / r) as a link to the page of the release that
 * revised it, where the old and the new figure stand side by side. The pages pass a lookup to
 * the renderers; without one (the browser views) a figure shows its flag as before.
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
