// @ts-check
import { defineConfig } from 'astro/config';
import { duckdbWasmBytesDefine } from './src/build/duckdb-wasm-bytes.ts';

// scripts/build-site.ts points these at a build's own directories, so several data packages
// can be built side by side (tests, benchmarks) without sharing public/.
const publicDir = process.env.PORTAL_PUBLIC_DIR ?? 'public';

// The path the site is served under (PORTAL_BASE=/portal/ npm run build): every link, script and
// data URL starts with it (src/site/paths.ts). Always with a leading and a trailing slash.
const base = `/${(process.env.PORTAL_BASE ?? '').replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');

// The origin the site is served from (PORTAL_SITE=https://commerce.example.gov.cn): link previews
// (og:image, og:url) and the printed pages' address are then absolute, as Open Graph wants.
// Unset, they are paths (src/layouts/Base.astro).
const site = process.env.PORTAL_SITE || undefined;

export default defineConfig({
  publicDir,
  base,
  site,
  // A build's own cache, so that two builds in one checkout share nothing they write.
  cacheDir: process.env.PORTAL_ASTRO_CACHE_DIR ?? './node_modules/.astro',
  // Deterministic, host-agnostic output: every page is a directory with index.html.
  trailingSlash: 'always',
  // Stylesheets and scripts as files, never inline: the Content-Security-Policy the site is
  // served with allows no inline <style> or <script> (src/build/security-headers.ts). Vite
  // inlines a script smaller than assetsInlineLimit into the page.
  build: { format: 'directory', inlineStylesheets: 'never' },
  vite: { build: { assetsInlineLimit: 0 }, define: duckdbWasmBytesDefine() },
  devToolbar: { enabled: false },
});
