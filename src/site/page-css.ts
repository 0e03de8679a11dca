/**
 * The renderers' own styles (maps, charts, paper) as one stylesheet the pages link, /page.css:
 * the Content-Security-Policy the site is served with allows no inline <style>
 * (src/build/security-headers.ts). Its address carries a hash of its text, so a server may let
 * browsers keep it (README, deployment notes).
 */
import { createHash } from 'node:crypto';
import { CHART_CSS } from '../render/charts.ts';
import { CHOROPLETH_CSS } from '../render/map.ts';
import { PRINT_CSS } from '../views/print.ts';
import { PROJECTS_CSS } from '../views/projects.ts';
import { BASE_PATH } from './paths.ts';

export const PAGE_CSS = [CHOROPLETH_CSS, CHART_CSS, PRINT_CSS, PROJECTS_CSS].join('\n');

export const PAGE_CSS_HREF = `${BASE_PATH}/page.css?v=${createHash('sha256').update(PAGE_CSS).digest('hex').slice(0, 12)}`;
