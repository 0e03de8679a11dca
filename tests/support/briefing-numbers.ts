/**
 * "Each number in a sentence is one of the table's cells" (issue 11), checked on a briefing's
 * markup: every number its sentences print is printed, the same way, in a cell of the table the
 * sentences are read from. The indicator sentences, the lede and the line on who is on track
 * on everything are read from the numbers table; the projects sentences from the projects
 * section's table. The exceptions are the periods ("2025年1-9月", "Jan–Sep 2025", and the
 * ledger's "2025年9月末"), which the tables say once, in their captions, and the lede's count of
 * indicators, which is the count of the numbers table's rows.
 */
import { parseHTML } from 'linkedom';
import { formatPeriod } from '../../src/lib/format.ts';
import type { Locale } from '../../src/lib/i18n.ts';
import { ledgerMonth, monthEnd } from '../../src/views/projects.ts';

/** Numbers as printed: "2,045.3", "17", "0.2", the 2 of "2nd"; a sign or unit is not part of one. */
export const numberTokens = (text: string): string[] => text.match(/\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?/g) ?? [];

export interface BriefingNumbers {
  /** The numbers of the sentences that are in no cell of their table. */
  missing: string[];
  /** How many numbers the sentences print (to tell an empty check from a passing one). */
  checked: number;
  /** Indicator sections. */
  sections: number;
  /** Numbers the projects sentences print (0 without a projects section). */
  projectNumbers: number;
}

/** The numbers of a briefing's sentences at `period` missing from their tables; `html` is a page or a fragment of one. */
export function briefingNumbers(html: string, period: string, locale: Locale): BriefingNumbers {
  const { document } = parseHTML(/^\s*<!doctype/i.test(html) ? html : `<!doctype html><html><body>${html}</body></html>`);
  // Longest first: a year's briefing is "2025年" and its ledger's month end "2025年12月末".
  const periods = [formatPeriod(period, locale), monthEnd(ledgerMonth(period), locale), formatPeriod(ledgerMonth(period), locale)].sort((a, b) => b.length - a.length);
  const withoutPeriods = (text: string) => periods.reduce((s, p) => s.split(p).join(' '), text);
  // Text node by text node: a cell's lines are split by <br>, which textContent joins ("…共18个" and "454家" read "18454").
  const texts = (n: Node): string[] => (n.nodeType === 3 ? [n.textContent ?? ''] : [...n.childNodes].flatMap(texts));
  const cellsOf = (table: Element | null) => new Set([...(table?.querySelectorAll('tbody th, tbody td, tfoot th, tfoot td') ?? [])].flatMap((c) => texts(c).flatMap(numberTokens)));
  const numbersTable = document.querySelector('table.briefing-numbers');
  const cells = cellsOf(numbersTable);
  const rowCount = String(numbersTable?.querySelectorAll('tbody tr').length ?? 0);
  const projectCells = cellsOf(document.querySelector('section.briefing-projects table.briefing-projects-numbers'));
  const sentencesOf = (selector: string) => [...document.querySelectorAll(selector)].map((p) => withoutPeriods(p.textContent ?? ''));
  const indicatorSentences = sentencesOf('section.briefing-indicator p.verdict-sentences');
  const projectSentences = sentencesOf('section.briefing-projects > p:first-of-type');
  const said = [
    ...sentencesOf('p.lede').flatMap((s) => numberTokens(s).map((n) => ({ n, s, held: cells.has(n) || n === rowCount }))),
    ...[...sentencesOf('p.point'), ...indicatorSentences].flatMap((s) => numberTokens(s).map((n) => ({ n, s, held: cells.has(n) }))),
    ...projectSentences.flatMap((s) => numberTokens(s).map((n) => ({ n, s, held: projectCells.has(n) }))),
  ];
  return {
    missing: [...new Set(said.filter((x) => !x.held).map(({ n, s }) => `${n} in «${s}»`))],
    checked: said.length,
    sections: indicatorSentences.length,
    projectNumbers: projectSentences.flatMap(numberTokens).length,
  };
}
