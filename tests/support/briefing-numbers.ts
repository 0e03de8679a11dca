/**
 * "Each number in a sentence is one of the table's cells" (issue 11), checked on a briefing's
 * markup: every number its indicator sentences print is printed, the same way, in a cell of its
 * numbers table. The one exception is the period ("2025年1-9月", "Jan–Sep 2025"), which every
 * level sentence opens with and the table says once, in its caption.
 */
import { parseHTML } from 'linkedom';

/** Numbers as printed: "2,045.3", "17", "0.2", the 2 of "2nd"; a sign or unit is not part of one. */
export const numberTokens = (text: string): string[] => text.match(/\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?/g) ?? [];

export interface BriefingNumbers {
  /** The numbers of the sentences that are in no cell of the table. */
  missing: string[];
  /** How many numbers the sentences print (to tell an empty check from a passing one). */
  checked: number;
  sections: number;
}

/** The numbers of a briefing's sentences (`periodText` taken out) missing from its numbers table; `html` is a page or a fragment of one. */
export function briefingNumbers(html: string, periodText: string): BriefingNumbers {
  const { document } = parseHTML(/^\s*<!doctype/i.test(html) ? html : `<!doctype html><html><body>${html}</body></html>`);
  const table = document.querySelector('table.briefing-numbers');
  // Text node by text node: a cell's lines are split by <br>, which textContent joins ("…共18个" and "454家" read "18454").
  const texts = (n: Node): string[] => (n.nodeType === 3 ? [n.textContent ?? ''] : [...n.childNodes].flatMap(texts));
  const cells = new Set([...(table?.querySelectorAll('tbody th, tbody td') ?? [])].flatMap((c) => texts(c).flatMap(numberTokens)));
  const sentences = [...document.querySelectorAll('section.briefing-indicator p.verdict-sentences')].map((p) => (p.textContent ?? '').split(periodText).join(' '));
  const said = sentences.flatMap((s) => numberTokens(s).map((n) => ({ n, s })));
  return {
    missing: [...new Set(said.filter(({ n }) => !cells.has(n)).map(({ n, s }) => `${n} in «${s}»`))],
    checked: said.length,
    sections: sentences.length,
  };
}
