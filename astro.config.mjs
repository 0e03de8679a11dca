// @ts-check
import { defineConfig } from 'astro/config';

export default defineConfig({
  // Deterministic, host-agnostic output: every page is a directory with index.html.
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'always' },
  i18n: { locales: ['zh-CN', 'en'], defaultLocale: 'zh-CN', routing: { prefixDefaultLocale: false } },
  devToolbar: { enabled: false },
});
