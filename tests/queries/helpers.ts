/** Shared by the query tests: the fixture directories and an engine over one of them. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openNodeEngine } from '../../src/engine/node.ts';
import type { Engine } from '../../src/engine/types.ts';

const here = path.dirname(fileURLToPath(import.meta.url));

/** A public-data directory in the tables.ts format (see fixtures/basic/README.md). */
export const BASIC = path.join(here, 'fixtures', 'basic');
/** A data package (the statisticians' format) the CLI builds before reporting. */
export const PACKAGE = path.join(here, 'fixtures', 'package');

export function openBasic(): Promise<Engine> {
  return openNodeEngine(BASIC);
}

/** The one row whose `key` column equals `value`; fails the test when there is not exactly one. */
export function only<R extends object>(rows: readonly R[], match: Partial<R>): R {
  const found = rows.filter((r) => Object.entries(match).every(([k, v]) => (r as Record<string, unknown>)[k] === v));
  if (found.length !== 1) throw new Error(`expected one row matching ${JSON.stringify(match)}, found ${found.length}`);
  return found[0]!;
}
