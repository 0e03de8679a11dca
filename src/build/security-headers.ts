/**
 * The security headers the site is served with, written by the build as dist/_headers (the
 * format of Netlify and Cloudflare Pages; the README has the same headers for nginx, and
 * tests/support/static-server.ts serves dist/_headers, so the browser tests run under them).
 *
 * The pages run no inline script: Astro emits the views' scripts as files (assetsInlineLimit 0
 * in astro.config.mjs keeps a small one from being inlined) and the stylesheets as files too
 * (inlineStylesheets: 'never'), so the policy needs no hash that would change with every edit
 * of the CSS. Style attributes stay allowed: the pages set layout hints (--h, --cols) and the
 * charts carry Plot's style attributes, in markup the browser views also insert; an attribute
 * cannot run script. The DuckDB-WASM engine compiles its WebAssembly in its worker, so only the
 * worker's own policy (a worker's policy comes with its script's response) has
 * 'wasm-unsafe-eval'; the pages' policy has not.
 *
 * A host applies every rule that matches a path and joins the values of a header set twice
 * (a second Content-Security-Policy would be enforced as well, not instead): so the pages'
 * policy is given to the site's page directories by name, and never matches a worker.
 */
import fs from 'node:fs/promises';
import path from 'node:path';

export const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  // CSP 1 browsers, which know no -elem and -attr, read style-src alone: style attributes work there too.
  "style-src 'self' 'unsafe-inline'",
  "style-src-elem 'self'",
  "style-src-attr 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** The engine's worker: its own script, WebAssembly compiled from the .wasm it fetches, nothing else. */
export const WORKER_CSP = ["default-src 'none'", "script-src 'self' 'wasm-unsafe-eval'", "connect-src 'self'"].join('; ');

/** On every response. */
export const COMMON_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

/** The DuckDB-WASM worker scripts as Vite names them in dist/_astro (src/engine/browser-bundle.ts). */
export const isEngineWorker = (file: string): boolean => /^duckdb-browser-[a-z]+\.worker\.[^/]+\.js$/.test(file);

export interface HeaderRule {
  path: string;
  headers: Record<string, string>;
}

/**
 * The rules for a built site: every header on `/*`; the pages' policy on `/` and each of the
 * site's top-level directories and pages (not `_astro`, where the scripts are); the worker's
 * policy on each engine worker by its exact name (a host's wildcard matches only at the end).
 */
export async function securityHeaderRules(distDir: string): Promise<HeaderRule[]> {
  const rules: HeaderRule[] = [{ path: '/*', headers: { ...COMMON_HEADERS } }];
  const page = { 'Content-Security-Policy': PAGE_CSP };
  rules.push({ path: '/', headers: page });
  const entries = (await fs.readdir(distDir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const e of entries) {
    if (e.name === '_astro' || e.name.startsWith('_') || e.name.startsWith('.')) continue;
    if (e.isDirectory()) rules.push({ path: `/${e.name}/*`, headers: page });
    else if (e.name.endsWith('.html')) rules.push({ path: `/${e.name}`, headers: page });
  }
  const assets = await fs.readdir(path.join(distDir, '_astro')).catch(() => [] as string[]);
  for (const name of assets.filter(isEngineWorker).sort()) {
    rules.push({ path: `/_astro/${name}`, headers: { 'Content-Security-Policy': WORKER_CSP } });
  }
  return rules;
}

export function formatHeaderRules(rules: readonly HeaderRule[]): string {
  const blocks = rules.map((r) => [r.path, ...Object.entries(r.headers).map(([k, v]) => `  ${k}: ${v}`)].join('\n'));
  return `# Security headers (written by the build: src/build/security-headers.ts)\n${blocks.join('\n')}\n`;
}

/** Writes dist/_headers. */
export async function writeSecurityHeaders(distDir: string): Promise<void> {
  await fs.writeFile(path.join(distDir, '_headers'), formatHeaderRules(await securityHeaderRules(distDir)));
}

/**
 * Parses a _headers file (path lines, indented `Name: value` lines, # comments), for the test
 * server. A line it cannot read is an error naming the line.
 */
export function parseHeaderRules(text: string, file = '_headers'): HeaderRule[] {
  const rules: HeaderRule[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '' || line.trim().startsWith('#')) return;
    if (!/^\s/.test(line)) {
      if (!line.startsWith('/')) throw new Error(`${file}:${i + 1}: a rule starts with a path beginning with /, found ${JSON.stringify(line)}`);
      rules.push({ path: line.trim(), headers: {} });
      return;
    }
    const m = /^\s+([A-Za-z0-9-]+):\s*(.*)$/.exec(line);
    const rule = rules.at(-1);
    if (!m || !rule) throw new Error(`${file}:${i + 1}: expected an indented "Name: value" under a path, found ${JSON.stringify(line)}`);
    rule.headers[m[1]!] = m[2]!;
  });
  return rules;
}

/**
 * The headers for a URL path as a host applies the rules: every matching rule, `*` matching
 * anything (also /), a header set by two rules joined with ", " (as Netlify and Cloudflare do).
 */
export function headersForPath(rules: readonly HeaderRule[], urlPath: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const rule of rules) {
    const pattern = new RegExp(`^${rule.path.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
    if (!pattern.test(urlPath)) continue;
    for (const [k, v] of Object.entries(rule.headers)) out[k] = out[k] === undefined ? v : `${out[k]}, ${v}`;
  }
  return out;
}
