/**
 * Launches the system Chromium with playwright-core. No skipping: if Chromium is missing the
 * caller gets an error that says how to install it.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

export function chromiumPath(): string {
  const p = process.env.CHROMIUM_PATH ?? process.env.CHROME_PATH ?? '/usr/bin/chromium';
  if (!existsSync(p)) {
    throw new Error(
      `Chromium not found at ${p}. The DuckDB-WASM tests run in a real browser and cannot be skipped: ` +
        `install it with \`apt-get update && apt-get install -y chromium fonts-noto-cjk\` ` +
        `or point CHROMIUM_PATH at a Chromium/Chrome binary.`,
    );
  }
  return p;
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
}

/**
 * Opens a page that may only talk to `origin`: any request elsewhere is aborted and recorded
 * in `foreign`, and page errors / console errors are collected.
 */
export async function openIsolatedPage(
  browser: Browser,
  origin: string,
): Promise<{ page: Page; foreign: string[]; errors: string[] }> {
  const context = await browser.newContext();
  const foreign: string[] = [];
  const errors: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(`${origin}/`) || url.startsWith('blob:') || url.startsWith('data:')) return route.continue();
    foreign.push(url);
    return route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  return { page, foreign, errors };
}
