/**
 * A briefing opened from a link made at an earlier data version (?v=…&asof=…): says which of its
 * figures have been revised since, and by how much, from the publications the page carries
 * (src/views/briefing.ts revisionNotice). Nothing is fetched.
 */
import type { Locale } from '../lib/i18n.ts';
import type { Unit } from '../lib/schema.ts';
import { revisionNotice, type PublicationFacts } from '../views/briefing.ts';

interface VersionConfig {
  version: string;
  locale: Locale;
  publications: PublicationFacts[];
  indicators: { id: string; name_zh: string; name_en: string; unit: Unit; decimals: number }[];
}

const holder = document.querySelector<HTMLElement>('[data-version-config]');
const box = document.querySelector<HTMLElement>('.briefing-changes');
if (holder && box) {
  const cfg = JSON.parse(holder.dataset.versionConfig ?? '{}') as VersionConfig;
  const params = new URLSearchParams(location.search);
  const linked = params.get('v');
  const asOf = params.get('asof');
  if (linked && linked !== cfg.version) {
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
}
