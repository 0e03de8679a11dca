/**
 * An RFC 4180 reader that knows where every field starts. It is hand-written rather than
 * papaparse because messages need physical line numbers (a quoted note may span lines) and
 * because a million rows must pass through without an object per row.
 */

/**
 * Called once per row, the header included, with the row's first `count` fields. `fields`
 * and `fieldLines` are reused for the next row (and may hold stale entries beyond `count`):
 * copy what you keep. `fieldLines[i]` is the physical line field i starts on. `broken` is
 * true when the row has a quoting mistake (its fields are then unreliable).
 */
export type RowSink = (fields: string[], count: number, line: number, fieldLines: number[], broken: boolean) => void;

/** A quoting mistake. */
export interface CsvSyntaxError {
  line: number;
  column: number;
  kind: 'unterminated' | 'after-quote' | 'bare-quote';
}

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

/** Reads every row of `text` into `onRow`; returns the quoting mistakes. Blank lines are skipped. */
export function parseCsv(text: string, onRow: RowSink): CsvSyntaxError[] {
  const errors: CsvSyntaxError[] = [];
  const n = text.length;
  // Written by index, never truncated: resetting an array's length frees its storage.
  const fields: string[] = [];
  const fieldLines: number[] = [];
  let count = 0;
  let i = 0;
  let line = 1;
  // Next quote and next carriage return at or after i: a line with neither is split with
  // indexOf alone, without looking at every character.
  let nextQuote = -1;
  let nextCr = -1;

  while (i < n) {
    let lf = text.indexOf('\n', i);
    if (lf < 0) lf = n;
    let end = lf;
    if (end > i && text.charCodeAt(end - 1) === CR) end--;
    if (nextQuote < i) nextQuote = indexOrEnd(text, '"', i);
    if (nextCr < i) nextCr = indexOrEnd(text, '\r', i);

    if (nextQuote >= lf && nextCr >= end) {
      if (end > i) {
        count = 0;
        let start = i;
        for (;;) {
          const comma = text.indexOf(',', start);
          fieldLines[count] = line;
          if (comma < 0 || comma >= end) {
            fields[count++] = text.slice(start, end);
            break;
          }
          fields[count++] = text.slice(start, comma);
          start = comma + 1;
        }
        onRow(fields, count, line, fieldLines, false);
      }
      i = lf + 1;
      line++;
      continue;
    }

    // The careful path, one character at a time: quotes, or a lone CR as a line break.
    const first = text.charCodeAt(i);
    if (first === LF || first === CR) {
      i += first === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
      line++;
      continue;
    }
    const rowLine = line;
    count = 0;
    let broken = false;

    // One iteration per field; leaves i on the row's line break or at the end of the text.
    for (;;) {
      fieldLines[count] = line;
      if (text.charCodeAt(i) === QUOTE) {
        const fieldLine = line;
        let value = '';
        let start = ++i;
        let closed = false;
        while (i < n) {
          const c = text.charCodeAt(i);
          if (c === QUOTE) {
            if (text.charCodeAt(i + 1) === QUOTE) {
              value += text.slice(start, i + 1);
              i += 2;
              start = i;
              continue;
            }
            closed = true;
            break;
          }
          if (c === LF || (c === CR && text.charCodeAt(i + 1) !== LF)) line++;
          i++;
        }
        value += text.slice(start, i);
        if (!closed) {
          errors.push({ line: fieldLine, column: count + 1, kind: 'unterminated' });
          return errors;
        }
        i++; // the closing quote
        fields[count++] = value;
        const next = text.charCodeAt(i);
        if (i < n && next !== COMMA && next !== LF && next !== CR) {
          // Reported where the field opens: a stray quote there usually swallowed the line break.
          if (!broken) errors.push({ line: fieldLine, column: count, kind: 'after-quote' });
          broken = true;
          while (i < n && !isDelimiter(text.charCodeAt(i))) i++;
        }
      } else {
        const start = i;
        let bare = false;
        while (i < n) {
          const c = text.charCodeAt(i);
          if (c === COMMA || c === LF || c === CR) break;
          if (c === QUOTE) bare = true;
          i++;
        }
        fields[count++] = text.slice(start, i);
        if (bare && !broken) {
          errors.push({ line, column: count, kind: 'bare-quote' });
          broken = true;
        }
      }
      if (i < n && text.charCodeAt(i) === COMMA) {
        i++;
        continue;
      }
      break;
    }

    if (i < n) {
      i += text.charCodeAt(i) === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
      line++;
    }
    onRow(fields, count, rowLine, fieldLines, broken);
  }
  return errors;
}

function indexOrEnd(text: string, search: string, from: number): number {
  const at = text.indexOf(search, from);
  return at < 0 ? text.length : at;
}

function isDelimiter(c: number): boolean {
  return c === COMMA || c === LF || c === CR;
}
