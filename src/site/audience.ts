/**
 * The internal site (`--audience internal`, src/build/build-data.ts) says so on every page
 * and every printed sheet; the public site never does. Decided from manifest.json alone, the
 * file the data build writes with the data it built.
 */
import type { Manifest } from './data.ts';

/** In both languages on every page of either language: a printout travels. */
export const INTERNAL_MARK = '内部资料 / Internal';

/** A manifest from before audiences were recorded is the public one's. */
export const isInternal = (manifest: Pick<Manifest, 'audience'>): boolean => (manifest.audience ?? 'public') === 'internal';

/**
 * On <html>: the printed mark, read by the stylesheet's @page rule (a margin box on every
 * sheet); a custom property, as the policy allows style attributes and no inline <style>.
 */
export const internalMarkStyle = `--internal-mark: "${INTERNAL_MARK}"`;
