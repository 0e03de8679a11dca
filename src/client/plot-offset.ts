/**
 * Observable Plot shifts its marks by half a pixel on screens whose devicePixelRatio is 1 or
 * less, deciding once, when its module is evaluated; at build time (Node, no window) it draws
 * without the shift. So that a chart the browser redraws is the chart the build drew, the
 * renderers are loaded through this function: while they load, the page reports a ratio of 2,
 * and the screen's own is put back as soon as they have.
 */
export async function withoutHalfPixel<T>(load: () => Promise<T>): Promise<T> {
  const own = Object.getOwnPropertyDescriptor(window, 'devicePixelRatio');
  if (!own?.configurable) return load();
  Object.defineProperty(window, 'devicePixelRatio', { configurable: true, get: () => 2 });
  try {
    return await load();
  } finally {
    Object.defineProperty(window, 'devicePixelRatio', own);
  }
}
