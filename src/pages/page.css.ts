/** The renderers' stylesheet (src/site/page-css.ts). */
import { PAGE_CSS } from '../site/page-css.ts';

export const GET = (): Response => new Response(PAGE_CSS, { headers: { 'Content-Type': 'text/css; charset=utf-8' } });
