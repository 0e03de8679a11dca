/** The one order of indicators every list follows (src/lib/indicator-order.ts). */
import { describe, expect, it } from 'vitest';
import { compareIndicators, type Orderable } from '../../src/lib/indicator-order.ts';
import { PROJECT_RATES } from '../../src/lib/projects.ts';

const sorted = (list: Orderable[]) => [...list].sort(compareIndicators).map((i) => i.id);

describe('the order of indicators', () => {
  it("puts the three rates in the bureaus' order 履约率, 开工率, 资金到位率, not by id", () => {
    const rates = PROJECT_RATES.map((r) => ({ id: r.id, category: 'investment' }));
    expect(sorted([...rates].reverse())).toEqual(['project_fulfilment_rate', 'project_start_rate', 'project_funds_rate']);
  });

  it('keeps the rates together where the first of their ids would stand, the others by category, then id', () => {
    const list: Orderable[] = [
      { id: 'signed_project_investment', category: 'investment' },
      { id: 'project_funds_rate', category: 'investment' },
      { id: 'project_gamma', category: 'investment' }, // an id between two rates' ids
      { id: 'retail_sales', category: 'consumption' },
      { id: 'fdi_actual', category: 'investment' },
      { id: 'project_start_rate', category: 'investment' },
      { id: 'project_fulfilment_rate', category: 'investment' },
      { id: 'loose', category: null },
      { id: 'export', category: 'trade' },
    ];
    const expected = [
      'retail_sales',
      'fdi_actual', 'project_fulfilment_rate', 'project_start_rate', 'project_funds_rate', 'project_gamma', 'signed_project_investment',
      'export',
      'loose',
    ];
    expect(sorted(list)).toEqual(expected);
    // the same from any starting order: a total order
    expect(sorted([...list].reverse())).toEqual(expected);
  });
});
