/**
 * A view's whole state in its URL (`?period=2024-06&metric=pace_gap`): which parameters a view
 * has, in which order, and which values each may take. Parsing never throws: an unknown
 * parameter or value is reported and left out, so an old or mistyped link still opens the page.
 * The query string is canonical: the view's parameters in its order, each once, every one given,
 * so that one view has one address (a link's data version, VERSION_PARAMS, follows them).
 */

export interface ParamSpec {
  name: string;
  values: readonly string[];
  /** The value the static page shows. */
  initial: string;
}

export interface ReadState {
  state: Record<string, string>;
  /** The URL named at least one valid parameter: the view must be brought to that state. */
  explicit: boolean;
  /** Parameters or values the URL gave that this view does not know, as "name=value". */
  ignored: string[];
}

export function readViewState(search: string, specs: readonly ParamSpec[]): ReadState {
  const params = new URLSearchParams(search);
  const state: Record<string, string> = {};
  const ignored: string[] = [];
  let explicit = false;
  for (const spec of specs) {
    const given = params.get(spec.name);
    if (given !== null && spec.values.includes(given)) {
      state[spec.name] = given;
      explicit = true;
    } else {
      if (given !== null) ignored.push(`${spec.name}=${given}`);
      state[spec.name] = spec.initial;
    }
  }
  for (const [name, value] of params) if (!specs.some((s) => s.name === name)) ignored.push(`${name}=${value}`);
  return { state, explicit, ignored };
}

/** The canonical query string of a state, without "?": every parameter of the view, in its order. */
export function viewQuery(state: Readonly<Record<string, string>>, specs: readonly ParamSpec[]): string {
  const params = new URLSearchParams();
  for (const spec of specs) params.set(spec.name, state[spec.name] ?? spec.initial);
  return params.toString();
}

/**
 * The parameters that pin a link to a data version: `v`, the site's data version, and `asof`, the
 * date of its data (a briefing's "link at this version", kept by the 404 page, read by
 * src/client/briefing-version.ts). They belong to the link, not to any view's state: a view keeps
 * them as given when it writes its address, else a reader who copies the address from the bar sends
 * an unpinned link. Any other parameter a view does not know is still dropped.
 */
export const VERSION_PARAMS = ['v', 'asof'] as const;

/**
 * The address's query string of a state, without "?": the view's canonical query, then the
 * version parameters `search` carries (the current address's), in VERSION_PARAMS' order.
 */
export function addressQuery(state: Readonly<Record<string, string>>, specs: readonly ParamSpec[], search: string): string {
  const params = new URLSearchParams(viewQuery(state, specs));
  const given = new URLSearchParams(search);
  for (const name of VERSION_PARAMS) {
    const value = given.get(name);
    if (value !== null) params.append(name, value);
  }
  return params.toString();
}

/** Whether a state is the one the static page shows. */
export function isInitial(state: Readonly<Record<string, string>>, specs: readonly ParamSpec[]): boolean {
  return specs.every((s) => (state[s.name] ?? s.initial) === s.initial);
}
