/**
 * A tiny helper to write SVG/HTML markup as strings at build time.
 *
 * Figures are drawn in Astro frontmatter without a DOM, so markup is built as text. The only
 * things that can go wrong with text are escaping and determinism: every value passes through
 * `escapeText` / `escapeAttr`, and attributes are written in the order given (object insertion
 * order), so the same call always produces the same bytes.
 */

/** Escapes text content (element children). */
export function escapeText(s: string): string {
  return s.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

/** Escapes an attribute value written between double quotes. */
export function escapeAttr(s: string): string {
  return s.replace(/[&<>"]/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;',
  );
}

/** Attribute values: `undefined`, `null` and `false` leave the attribute out; `true` writes it empty. */
export type AttrValue = string | number | boolean | null | undefined;
export type Attrs = Readonly<Record<string, AttrValue>>;

/** Serialises attributes with a leading space each, skipping absent ones. */
export function attrs(a: Attrs): string {
  let s = '';
  for (const [name, value] of Object.entries(a)) {
    if (value === undefined || value === null || value === false) continue;
    if (!/^[A-Za-z_:][-A-Za-z0-9_:.]*$/.test(name)) throw new Error(`invalid attribute name: ${name}`);
    s += value === true ? ` ${name}=""` : ` ${name}="${escapeAttr(String(value))}"`;
  }
  return s;
}

/**
 * An element with children that are already markup (use `escapeText` for text). Never
 * self-closes, so it is safe for HTML elements (`<div/>` is not an empty div in HTML).
 */
export function el(tag: string, a: Attrs = {}, ...children: readonly string[]): string {
  return `<${tag}${attrs(a)}>${children.join('')}</${tag}>`;
}

/**
 * A self-closing element. Only for SVG (foreign content honours `/>` in HTML) and for
 * markup that is also parsed as XML.
 */
export function leaf(tag: string, a: Attrs = {}): string {
  return `<${tag}${attrs(a)}/>`;
}

/** A text-only element: `el(tag, a, escapeText(text))`. */
export function textEl(tag: string, a: Attrs, text: string): string {
  return el(tag, a, escapeText(text));
}

/**
 * Checks that an id prefix makes valid, predictable ids (`${prefix}-hatch`). Ids are
 * document-wide, so two maps on a page need different prefixes; we refuse rather than
 * silently rewrite, because two rewritten prefixes could collide.
 */
export function checkIdPrefix(prefix: string): string {
  if (!/^[A-Za-z][A-Za-z0-9_-]*$/.test(prefix)) {
    throw new Error(`idPrefix must start with a letter and use only letters, digits, - and _: ${JSON.stringify(prefix)}`);
  }
  return prefix;
}
