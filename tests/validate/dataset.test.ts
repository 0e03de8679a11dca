/** dataset.json: the settings the verdicts and the home page read. */
import { afterAll, describe, expect, it } from 'vitest';
import { expectProblem, removeDataDirs, validate } from './fixture.ts';

const D = 'dataset.json';

afterAll(removeDataDirs);

describe('dataset.json', () => {
  it('accepts the settings, null for the home indicator, and no file at all', async () => {
    const text = JSON.stringify({ title_zh: '示例', about_band_pp: 0.3, home_indicator: 'retail_sales' }, null, 2);
    expect((await validate({ [D]: text })).report.problems).toEqual([]);
    expect((await validate({ [D]: '{"about_band_pp": 0, "home_indicator": null}' })).report.problems).toEqual([]);
  });

  it('E_JSON: a trailing comma, at its line and column', async () => {
    const p = expectProblem(await validate({ [D]: '{\n  "about_band_pp": 0.5,\n}\n' }), 'E_JSON', D, 3, 1);
    expect(p.message).toBe('dataset.json is not valid JSON');
  });

  it('E_DATASET_SETTING: a band written as text, at the line of its key', async () => {
    const p = expectProblem(await validate({ [D]: '{\n  "title_zh": "示例",\n  "about_band_pp": "0.5"\n}\n' }), 'E_DATASET_SETTING', D, 3, 3);
    expect(p.found).toBe('"0.5"');
  });

  it('E_DATASET_SETTING: a home indicator that is unknown or internal', async () => {
    const p = expectProblem(await validate({ [D]: '{"home_indicator": "retail"}' }), 'E_DATASET_SETTING', D, 1, 2);
    expect(p.fix).toContain('retail_sales');
    expectProblem(await validate({ [D]: '{"home_indicator": "population"}' }), 'E_DATASET_SETTING', D, 1, 2);
  });
});
