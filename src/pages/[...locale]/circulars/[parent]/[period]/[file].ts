/**
 * The circular's Word file beside its page, named with the parent's code and the period. An
 * endpoint rather than a separate build step: it runs in the same build as the page, from the
 * same memoised query, lands in dist/ with the page (so the atomic publish covers it), and
 * nothing else has to know the list of circulars.
 */
import type { APIRoute } from 'astro';
import { isInternal } from '../../../../../site/audience.ts';
import { siteManifest } from '../../../../../site/data.ts';
import { circularDocx } from '../../../../../site/circular-docx.ts';
import { circularOf, circularPaths } from '../../../../../site/circular.ts';
import { circularDocxName, LOCALE_PARAMS, localeOf } from '../../../../../site/paths.ts';

export async function getStaticPaths() {
  const paths = await circularPaths();
  return LOCALE_PARAMS.flatMap(({ locale }) =>
    paths.map(({ parent, period }) => ({ params: { locale, parent, period, file: circularDocxName(parent, period) } })),
  );
}

export const GET: APIRoute = async ({ params }) => {
  const c = await circularOf(params.parent!, params.period!, localeOf(params.locale));
  const manifest = siteManifest();
  const bytes = await circularDocx(c, manifest.data_as_of, { internal: isInternal(manifest) });
  return new Response(bytes, { headers: { 'Content-Type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' } });
};
