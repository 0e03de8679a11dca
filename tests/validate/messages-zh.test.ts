/** Every problem code the data format documents has a Chinese message. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { problemText } from '../../src/validate/format.ts';
import { ZH } from '../../src/validate/messages-zh.ts';
import type { Problem } from '../../src/validate/problems.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const doc = readFileSync(path.join(root, 'docs/data-format.md'), 'utf8');
const documented = [...doc.matchAll(/^\| ([EW]_[A-Z0-9_]+) \|/gm)].map((m) => m[1]!);

const problem = (code: string, found: string): Problem => ({
  severity: code.startsWith('E_') ? 'error' : 'warning',
  code,
  file: 'data/x.csv',
  line: 2,
  column: 3,
  found,
  expected: 'what would do',
  fix: 'do this',
  message: 'what is wrong',
});

describe('Chinese messages', () => {
  it('cover every code in docs/data-format.md', () => {
    expect(documented.length).toBeGreaterThan(40);
    expect(documented.filter((c) => !(c in ZH))).toEqual([]);
  });

  it('say what is wrong and how to fix it in Chinese, then the English detail', () => {
    for (const code of documented) {
      const text = problemText(problem(code, '2025/06'), 'zh');
      expect(text, code).toMatch(/^[^。]*[\u4e00-\u9fff][^。]*。改法：[^。]*[\u4e00-\u9fff].*。详情：what is wrong; expected what would do; fix: do this$/);
      expect(text, code).not.toContain('undefined');
    }
    expect(problemText(problem('E_PERIOD', '2025/06'), 'zh')).toMatch(/^时期“2025\/06”不是 YYYY 或 YYYY-MM。/);
  });

  it('keep English as it was, and fall back to it for a code without a Chinese message', () => {
    expect(problemText(problem('E_PERIOD', 'x'), 'en')).toBe('what is wrong; expected what would do; fix: do this');
    expect(problemText(problem('E_NOT_A_CODE', 'x'), 'zh')).toBe('what is wrong; expected what would do; fix: do this');
  });

  it('word the closing line of a cut list as such', () => {
    const note = { ...problem('E_PERIOD', ''), line: 0, column: 0, expected: '', notListed: 7, message: '7 more E_PERIOD problems in this file are not listed (107 in all)' };
    expect(problemText(note, 'zh')).toMatch(/^本文件另有 7 个 E_PERIOD 问题未列出。/);
  });
});
