/**
 * The page a host serves for an address it has no file for (dist/404.html). A briefing is
 * pre-rendered at its unit's latest period and latest full year only, so a briefing's link sent
 * last month (/briefings/<code>/<period>/) has no file once the next release is out; its period is
 * then one that the unit's briefings page draws in the browser, and the reader is sent there, with
 * the link's data version (?v=…&asof=…) if it has one.
 */
import { briefingHref, BASE_PATH } from '../site/paths.ts';

const own = location.pathname.startsWith(`${BASE_PATH}/`) ? location.pathname.slice(BASE_PATH.length) : location.pathname;
const briefing = /^(\/en)?\/briefings\/([^/]+)\/(\d{4}(?:-\d{2})?)\/?$/.exec(own);
if (briefing) {
  const [, en, code, period] = briefing;
  // A link pinned to a data version keeps it: the page drawn says what was revised since.
  const given = new URLSearchParams(location.search);
  const query = new URLSearchParams({ period: period! });
  for (const k of ['v', 'asof']) if (given.has(k)) query.set(k, given.get(k)!);
  location.replace(`${briefingHref(code!, en ? 'en' : 'zh-CN')}?${query}`);
}
