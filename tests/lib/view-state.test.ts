/** A view's address (src/lib/view-state.ts): its own parameters in its order, then a link's data version. */
import { describe, expect, it } from 'vitest';
import { addressQuery, readViewState, viewQuery, type ParamSpec } from '../../src/lib/view-state.ts';

const specs: ParamSpec[] = [
  { name: 'period', values: ['2025-06', '2025-08'], initial: '2025-08' },
  { name: 'metric', values: ['value', 'pace_gap'], initial: 'value' },
];

describe("a view's address", () => {
  it("puts the view's parameters first, in its order, then v and asof as the link gave them", () => {
    const search = '?asof=2025-09-15T08%3A00%3A00Z&metric=pace_gap&v=0123abcd&period=2025-06';
    const { state } = readViewState(search, specs);
    expect(addressQuery(state, specs, search)).toBe('period=2025-06&metric=pace_gap&v=0123abcd&asof=2025-09-15T08%3A00%3A00Z');
  });

  it('drops every other parameter the view does not know, and is the canonical query when the link has no version', () => {
    const search = '?utm_source=chat&period=2025-06&x=1';
    const { state } = readViewState(search, specs);
    expect(addressQuery(state, specs, search)).toBe('period=2025-06&metric=value');
    expect(addressQuery(state, specs, search)).toBe(viewQuery(state, specs));
  });

  it('keeps the version for a new state (a control changed), and an empty asof as given', () => {
    const search = '?period=2025-06&metric=value&v=0123abcd&asof=';
    expect(addressQuery({ period: '2025-08', metric: 'pace_gap' }, specs, search)).toBe('period=2025-08&metric=pace_gap&v=0123abcd&asof=');
  });

  it("is not the view's state: v and asof never enter it", () => {
    const { state, explicit } = readViewState('?v=0123abcd&asof=2025-09-15', specs);
    expect(state).toEqual({ period: '2025-08', metric: 'value' });
    expect(explicit).toBe(false);
  });
});
