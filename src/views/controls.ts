/**
 * The controls of a browser view: one labelled select per parameter of its state, and the line
 * that says what the view shows or is updating to. Hidden until the view's script runs: without
 * JavaScript the page is complete as it is and says which period it shows.
 */
import { el, escapeText, textEl } from '../render/svg.ts';

export interface SelectSpec {
  name: string;
  label: string;
  options: readonly { value: string; text: string }[];
  selected: string;
}

export function viewControls(id: string, selects: readonly SelectSpec[], shownText: string): string {
  const fields = selects.map((s) =>
    el(
      'span',
      { class: 'control' },
      textEl('label', { for: `${id}-${s.name}` }, s.label),
      el(
        'select',
        { id: `${id}-${s.name}`, name: s.name },
        ...s.options.map((o) => el('option', { value: o.value, selected: o.value === s.selected }, escapeText(o.text))),
      ),
    ),
  );
  return (
    el('form', { class: 'view-controls', hidden: true }, ...fields) +
    textEl('p', { class: 'meta view-status', role: 'status' }, shownText)
  );
}
