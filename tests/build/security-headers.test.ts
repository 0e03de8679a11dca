/**
 * The headers file the build writes (dist/_headers) and the nginx snippet in the README: the
 * pages' policy on the pages only, the worker's (with 'wasm-unsafe-eval') on the engine's
 * workers only, as a host that joins the values of every matching rule applies them; and the
 * README says the same as the code.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  COMMON_HEADERS, formatHeaderRules, headersForPath, isEngineWorker, PAGE_CSP, parseHeaderRules, securityHeaderRules, WORKER_CSP, writeSecurityHeaders,
} from '../../src/build/security-headers.ts';

const WORKER = 'duckdb-browser-eh.worker.hQa-dcAV.js';
let dist: string;

beforeAll(async () => {
  dist = await fs.mkdtemp(path.join(os.tmpdir(), 'security-headers-'));
  for (const f of ['index.html', 'en/index.html', 'indicators/x/index.html', 'data/observations.csv', 'page.css', `_astro/${WORKER}`, '_astro/duckdb-eh.9ubY-jlA.wasm', '_astro/view.uaFXMnXx.js']) {
    await fs.mkdir(path.dirname(path.join(dist, f)), { recursive: true });
    await fs.writeFile(path.join(dist, f), '');
  }
});

afterAll(async () => {
  await fs.rm(dist, { recursive: true, force: true });
});

describe('dist/_headers', () => {
  it('gives the pages their policy, the engine worker its own, and every file the common headers', async () => {
    await writeSecurityHeaders(dist);
    const rules = parseHeaderRules(await fs.readFile(path.join(dist, '_headers'), 'utf8'));
    expect(rules).toEqual(await securityHeaderRules(dist));
    const at = (p: string) => headersForPath(rules, p);
    for (const p of ['/', '/index.html', '/en/', '/indicators/x/', '/data/observations.csv']) expect(at(p), p).toEqual({ ...COMMON_HEADERS, 'Content-Security-Policy': PAGE_CSP });
    expect(at(`/_astro/${WORKER}`)).toEqual({ ...COMMON_HEADERS, 'Content-Security-Policy': WORKER_CSP });
    for (const p of ['/_astro/view.uaFXMnXx.js', '/_astro/duckdb-eh.9ubY-jlA.wasm', '/page.css']) expect(at(p), p).toEqual(COMMON_HEADERS);
  });

  it('has no inline script, and WebAssembly only in the worker', () => {
    const directives = (csp: string) => new Map(csp.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)] as const));
    const page = directives(PAGE_CSP);
    expect(page.get('script-src')).toEqual(["'self'"]);
    expect(page.get('style-src-elem')).toEqual(["'self'"]);
    expect(page.get('style-src-attr')).toEqual(["'unsafe-inline'"]);
    expect(PAGE_CSP).not.toContain('wasm');
    expect(directives(WORKER_CSP).get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
  });

  it('reads as a host does: later rules add to a header set before, a bad line is refused at its number', () => {
    const rules = parseHeaderRules('# c\n/*\n  A: 1\n/x/*\n  A: 2\n  B: 3\n');
    expect(headersForPath(rules, '/x/y')).toEqual({ A: '1, 2', B: '3' });
    expect(headersForPath(rules, '/z')).toEqual({ A: '1' });
    expect(() => parseHeaderRules('/*\nA: 1\n', 'dist/_headers')).toThrow('dist/_headers:2: a rule starts with a path beginning with /, found "A: 1"');
    expect(formatHeaderRules(rules)).toContain('/x/*\n  A: 2\n  B: 3\n');
  });
});

describe('the README', () => {
  it('gives nginx the same headers, the worker its own policy by a location its files match', async () => {
    const readme = await fs.readFile(path.join(import.meta.dirname, '../../README.md'), 'utf8');
    expect(readme).toContain(`add_header Content-Security-Policy "${PAGE_CSP}" always;`);
    expect(readme).toContain(`add_header Content-Security-Policy "${WORKER_CSP}" always;`);
    for (const [k, v] of Object.entries(COMMON_HEADERS)) expect(readme).toContain(`add_header ${k} "${v}" always;`);
    const location = /location ~ (\S+) \{\n\s+add_header Content-Security-Policy "default-src 'none'/.exec(readme)?.[1];
    expect(location, 'no nginx location for the worker').toBeDefined();
    const re = new RegExp(location!);
    expect(re.test(`/_astro/${WORKER}`) && re.test(`/portal/_astro/${WORKER}`)).toBe(true);
    expect(re.test('/_astro/duckdb-eh.9ubY-jlA.wasm') || re.test('/_astro/view.uaFXMnXx.js')).toBe(false);
    expect(isEngineWorker(WORKER) && !isEngineWorker('duckdb-eh.9ubY-jlA.wasm')).toBe(true);
  });
});
