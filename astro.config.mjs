// @ts-check
import { defineConfig } from 'astro/config';

// scripts/build-site.ts points these at a build's own directories, so several data packages
// can be built side by side (tests, benchmarks) without sharing public/.
const publicDir = process.env.PORTAL_PUBLIC_DIR ?? 'public';

export default defineConfig({
  publicDir,
  // A build's own cache, so that two builds in one checkout share nothing they write.
  cacheDir: process.env.PORTAL_ASTRO_CACHE_DIR ?? './node_modules/.astro',
  // Deterministic, host-agnostic output: every page is a directory with index.html.
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'always' },
  devToolbar: { enabled: false },
});
