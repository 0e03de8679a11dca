/** What the validator reports, and the collector every check writes into. */

export type Severity = 'error' | 'warning';

export interface Problem {
  severity: Severity;
  /** Stable code, e.g. E_NUMBER_FORMAT; see docs/data-format.md for the full table. */
  code: string;
  /** Path as the caller named the data directory, joined with the file's relative path. */
  file: string;
  /** 1-based physical line; 0 when the problem concerns the whole file. */
  line: number;
  /** 1-based field index; 0 when the problem concerns a whole line or file. */
  column: number;
  /** The offending text as it stands in the file ('' when nothing is there). */
  found: string;
  /** What would have been accepted. */
  expected: string;
  /** How to fix it, as an instruction. */
  fix: string;
  /** One sentence saying what is wrong. */
  message: string;
  /** Only on the closing note of a truncated list: how many problems of its code in its file are not listed. */
  notListed?: number;
}

export type ProblemInput = Omit<Problem, 'severity' | 'file'> & { file?: string };

/**
 * A bad file can hold a million bad rows: only the first LIST_LIMIT problems of each code in
 * each file are listed, the rest are counted (and announced by one closing line).
 */
export const LIST_LIMIT = 100;

export class Problems {
  readonly listed: Problem[] = [];
  errorCount = 0;
  warningCount = 0;
  private readonly perFileCode = new Map<string, number>();

  error(file: string, p: Omit<ProblemInput, 'file'>): void {
    this.add({ ...p, severity: 'error', file });
  }

  warning(file: string, p: Omit<ProblemInput, 'file'>): void {
    this.add({ ...p, severity: 'warning', file });
  }

  private add(p: Problem): void {
    if (p.severity === 'error') this.errorCount++;
    else this.warningCount++;
    const key = `${p.file}\u0000${p.code}`;
    const n = (this.perFileCode.get(key) ?? 0) + 1;
    this.perFileCode.set(key, n);
    if (n <= LIST_LIMIT) this.listed.push(p);
  }

  /** The listed problems in file, line, column order, plus one line per truncated list. */
  sorted(): Problem[] {
    const notes = new Set<Problem>();
    for (const [key, n] of this.perFileCode) {
      if (n <= LIST_LIMIT) continue;
      const [file = '', code = ''] = key.split('\u0000');
      const first = this.listed.find((p) => p.file === file && p.code === code);
      notes.add({
        severity: first?.severity ?? 'error',
        code,
        file,
        line: 0,
        column: 0,
        found: '',
        expected: '',
        fix: `fix the ${LIST_LIMIT} listed ${code} problems, then run the validator again`,
        message: `${n - LIST_LIMIT} more ${code} problems in this file are not listed (${n} in all)`,
        notListed: n - LIST_LIMIT,
      });
    }
    // Whole-file problems (line 0) come first in their file, truncation notes last.
    const lineOf = (p: Problem) => (notes.has(p) ? Infinity : p.line);
    return [...this.listed, ...notes].sort((a, b) => compareProblems(a, b, lineOf));
  }
}

function compareProblems(a: Problem, b: Problem, lineOf: (p: Problem) => number): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  const la = lineOf(a);
  const lb = lineOf(b);
  if (la !== lb) return la - lb;
  if (a.column !== b.column) return a.column - b.column;
  return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
}

/** Quote a found text for a message, keeping invisible differences (spaces) visible. */
export function quote(text: string): string {
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 57)}...` : text);
}
