// @ts-check
import { defineConfig } from 'astro/config';

// scripts/build-site.ts points these at a build's own directories, so several data packages
// can be built side by side (tests, benchmarks) without sharing public/.
const publicDir = process.env.PORTAL_PUBLIC_DIR ?? 'public';

export default defineConfig({
  publicDir,
  // Deterministic, host-agnostic output: every page is a directory with index.html.
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'always' },
  devToolbar: { enabled: false },
});
