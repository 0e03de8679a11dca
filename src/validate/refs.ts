/**
 * What the files that others refer to define: jurisdiction codes with their validity, and
 * indicators with what their values may do. A table that could not be read is null, and the
 * checks that need it are skipped rather than refusing every row that points into it.
 */
import type { Kind, Unit } from '../lib/schema.ts';
import { quote } from './problems.ts';

/** Codes become parts of addresses on the site: letters, digits, _ and -. */
export const JURISDICTION_CODE_RE = /^[0-9A-Za-z][0-9A-Za-z_-]*$/;
/** A release id is the name of its observations file (and part of addresses). */
export const RELEASE_ID_RE = /^[0-9A-Za-z][0-9A-Za-z._-]*$/;

/** Validity of one jurisdiction row as YYYYMMDD bounds, inclusive. */
export interface Validity {
  from: number;
  to: number;
}
export const OPEN_FROM = 0;
export const OPEN_TO = 99999999;

export type JurisdictionIndex = Map<string, Validity[]>;

export interface IndicatorInfo {
  /** Undefined when the indicator's own row has an invalid value there. */
  unit?: Unit;
  kind?: Kind;
  allowNegative?: boolean;
}
export type IndicatorIndex = Map<string, IndicatorInfo>;

export function validOn(validity: readonly Validity[], day: number): boolean {
  for (const v of validity) if (v.from <= day && day <= v.to) return true;
  return false;
}

export function overlapsYear(validity: readonly Validity[], year: number): boolean {
  const first = year * 10000 + 101;
  const last = year * 10000 + 1231;
  for (const v of validity) if (v.from <= last && first <= v.to) return true;
  return false;
}

export function describeValidity(validity: readonly Validity[]): string {
  const day = (d: number) => `${String(d).slice(0, 4)}-${String(d).slice(4, 6)}-${String(d).slice(6, 8)}`;
  const one = (v: Validity) => {
    if (v.from === OPEN_FROM) return v.to === OPEN_TO ? 'always' : `until ${day(v.to)}`;
    return v.to === OPEN_TO ? `from ${day(v.from)}` : `from ${day(v.from)} to ${day(v.to)}`;
  };
  return validity.map(one).join('; ');
}

/** Text of an unknown-code problem, with a hint when only spaces or case differ. */
export function unknownCodeFix(code: string, known: Map<string, unknown>, file: string): string {
  const trimmed = code.trim();
  if (trimmed !== code && known.has(trimmed)) return `write ${trimmed} (no spaces around it)`;
  const lower = trimmed.toLowerCase();
  for (const k of known.keys()) if (k.toLowerCase() === lower) return `write ${k}`;
  return `use a code defined in ${file}, or add ${quote(code)} there first`;
}
