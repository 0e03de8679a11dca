/**
 * Opening a view's state by its URL and waiting until the browser has drawn it (the view's root
 * carries that state in data-view-state and is no longer busy), for the tests of how the engine
 * and the data are delivered.
 */
import type { Page } from 'playwright-core';

export async function openState(page: Page, url: string, state: string, timeoutMs = 120_000): Promise<void> {
  const res = await page.goto(url, { waitUntil: 'load' });
  if (!res || res.status() !== 200) throw new Error(`${url}: HTTP ${res?.status() ?? 'no response'}`);
  try {
    await page.waitForFunction(
      (want) => {
        const root = document.querySelector('[data-view]');
        return root !== null && root.getAttribute('aria-busy') !== 'true' && root.getAttribute('data-view-state') === want;
      },
      state,
      { timeout: timeoutMs },
    );
  } catch (err) {
    const status = await page.evaluate(() => document.querySelector('.view-status')?.textContent ?? '(no status line)');
    throw new Error(`${url} did not show ${state}; the view says: ${status}\n${String(err)}`);
  }
}
