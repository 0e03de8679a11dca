/**
 * Command-line options for the scripts: each call removes what it reads from `args`, so what
 * is left are the positional arguments.
 */

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
