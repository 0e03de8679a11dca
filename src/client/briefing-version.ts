/**
 * A briefing opened from a link made at an earlier data version (?v=…&asof=…): says which of its
 * figures have been revised since, and by how much, from the publications the page carries
 * (src/views/briefing.ts revisionNotice). Nothing is fetched. The pre-rendered briefings run it on
 * load; the briefings page (src/client/briefing-view.ts) calls showRevisions for the period it draws.
 */
import type { Locale } from '../lib/i18n.ts';
import type { Unit } from '../lib/schema.ts';
import { revisionNotice, type PublicationFacts } from '../views/briefing.ts';

export interface VersionFacts {
  /** The site's data version. */
  version: string;
  locale: Locale;
  /** The revised figures' publications of the briefing's unit and period. */
  publications: readonly PublicationFacts[];
  indicators: readonly { id: string; name_zh: string; name_en: string; unit: Unit; decimals: number }[];
}

/** Fills `box` with what changed since the version the link carries, and shows it; hides it when the link has none or the same. */
export function showRevisions(box: HTMLElement, cfg: VersionFacts, params: URLSearchParams): void {
  const linked = params.get('v');
  const asOf = params.get('asof');
  if (!linked || linked === cfg.version) {
    box.hidden = true;
    return;
  }
  const changes = asOf ? revisionNotice(cfg.publications, asOf, cfg.indicators, cfg.locale) : [];
  const en = cfg.locale === 'en';
  const head = en
    ? `This link was made at data version ${linked}; the page now shows version ${cfg.version}.`
    : `此链接生成时的数据版本为 ${linked}，本页现为 ${cfg.version}。`;
  const known = asOf !== null && !Number.isNaN(Date.parse(asOf));
  const tail = !known || changes.length ? '' : en ? ' None of the figures shown here has been revised since.' : '本页所列数据此后未经修订。';
  const p = document.createElement('p');
  p.textContent = head + tail;
  box.replaceChildren(p, ...changes.map((c) => Object.assign(document.createElement('p'), { textContent: c })));
  box.hidden = false;
}

const holder = document.querySelector<HTMLElement>('[data-version-config]');
const box = document.querySelector<HTMLElement>('.briefing-changes');
if (holder && box) showRevisions(box, JSON.parse(holder.dataset.versionConfig ?? '{}') as VersionFacts, new URLSearchParams(location.search));
