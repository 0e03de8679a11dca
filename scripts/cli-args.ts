/**
 * Command-line options for the scripts. takeOption and takeFlag (the benchmarks) each remove
 * what they read from `args`, so what is left are the positional arguments; parseCommandLine
 * (the builds) reads everything at once and refuses what it does not know.
 */
import { AUDIENCES, type Audience } from '../src/build/build-data.ts';
import { DATETIME_EXPECTED, datetimeFix, isDatetime } from '../src/validate/fields.ts';

/** The value after `name` (`--out DIR`), or undefined when `name` is absent. */
export function takeOption(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const [, value] = args.splice(i, 2);
  return value;
}

/** Whether the flag `name` (`--json`) is present. */
export function takeFlag(args: string[], name: string): boolean {
  const i = args.indexOf(name);
  if (i >= 0) args.splice(i, 1);
  return i >= 0;
}

/** A mistake on the command line: the scripts print it with their usage and exit with status 2. */
export class UsageError extends Error {}

export interface CommandLine {
  /** Option name (with its dashes) → value. */
  options: Map<string, string>;
  flags: Set<string>;
  positionals: string[];
}

/**
 * Strict parsing for the build scripts: `--name value` and `--name=value` for options, `--flag`
 * for flags. Anything else that starts with - is refused with the list of known options: an
 * ignored `--now=…` once built with the wrong clock.
 */
export function parseCommandLine(
  argv: readonly string[],
  known: { options: readonly string[]; flags?: readonly string[]; positionals: number },
): CommandLine {
  const flagNames = known.flags ?? [];
  const all = [...known.options.map((o) => `${o} VALUE`), ...flagNames].join(', ');
  const out: CommandLine = { options: new Map(), flags: new Set(), positionals: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('-') || arg === '-') {
      out.positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq < 0 ? arg : arg.slice(0, eq);
    if (flagNames.includes(name)) {
      if (eq >= 0) throw new UsageError(`${name} takes no value (got ${arg})`);
      out.flags.add(name);
      continue;
    }
    if (!known.options.includes(name)) throw new UsageError(`unknown option ${name}; known options: ${all}`);
    const value = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined || value === '') throw new UsageError(`${name} needs a value`);
    if (out.options.has(name)) throw new UsageError(`${name} given twice`);
    out.options.set(name, value);
  }
  if (out.positionals.length > known.positionals) {
    throw new UsageError(
      known.positionals === 0
        ? `unexpected argument ${out.positionals[0]}; known options: ${all}`
        : `at most ${known.positionals} argument(s) expected, got ${out.positionals.length}: ${out.positionals.join(' ')}`,
    );
  }
  return out;
}

/**
 * A build clock (`--now`, PORTAL_BUILD_NOW): an ISO 8601 instant with an offset or Z. A time
 * without an offset is refused rather than read in this machine's time zone: the embargo
 * compares instants, and releases.csv refuses such times for the same reason.
 */
export function parseInstant(text: string, name: string): Date {
  if (isDatetime(text)) return new Date(text);
  const why = isDatetime(`${text}Z`)
    ? 'a time without an offset names a different instant in every time zone, and the embargo compares instants'
    : `expected an ${DATETIME_EXPECTED}`;
  throw new UsageError(`${name} ${JSON.stringify(text)}: ${why}; ${datetimeFix(text)}`);
}

/**
 * The audience and clock of a build: --audience (or PORTAL_AUDIENCE), default public, and --now
 * (or PORTAL_BUILD_NOW), default the current time. A public build may not run with a clock in
 * the future: it would publish releases still under embargo. Previews are internal builds.
 */
export function audienceAndClock(cli: CommandLine): { audience: Audience; now: Date | undefined } {
  const audienceText = cli.options.get('--audience') ?? (process.env.PORTAL_AUDIENCE || 'public');
  const audience = AUDIENCES.find((a) => a === audienceText);
  if (audience === undefined) throw new UsageError(`--audience ${JSON.stringify(audienceText)}: use ${AUDIENCES.join(' or ')}`);
  const nowText = cli.options.get('--now');
  const envNow = process.env.PORTAL_BUILD_NOW;
  const now = nowText !== undefined ? parseInstant(nowText, '--now') : envNow ? parseInstant(envNow, 'PORTAL_BUILD_NOW') : undefined;
  if (audience === 'public' && now !== undefined && now.getTime() > Date.now()) {
    throw new UsageError(
      `--now ${now.toISOString()} is in the future: a public build would publish releases still under embargo; preview them with --audience internal`,
    );
  }
  return { audience, now };
}
