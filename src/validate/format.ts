/** Problems as text for people (one line each) and the closing summary. */
import type { Problem } from './problems.ts';

/** `file:line:column severity CODE message; expected …; fix: …` (line and column left out when 0). */
export function formatProblem(p: Problem): string {
  const where = p.line > 0 ? `${p.file}:${p.line}${p.column > 0 ? `:${p.column}` : ''}` : p.file;
  let out = `${where} ${p.severity} ${p.code} ${p.message}`;
  if (p.expected) out += `; expected ${p.expected}`;
  if (p.fix) out += `; fix: ${p.fix}`;
  return out;
}

export function formatSummary(errors: number, warnings: number, files: number): string {
  const n = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
  return `${n(errors, 'error')}, ${n(warnings, 'warning')} in ${n(files, 'file')}`;
}
