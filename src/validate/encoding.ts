/**
 * Decoding a data file: UTF-8 only (a BOM is fine). Anything else is refused with a guess at
 * what it is, because on Chinese Windows Excel saves "CSV (逗号分隔)" as GB18030/GBK and
 * "Unicode 文本" as UTF-16, and both look fine to the person who saved them.
 */

export type Decoded =
  | { ok: true; text: string }
  | { ok: false; line: number; column: number; found: string; message: string; fix: string };

const utf8 = new TextDecoder('utf-8', { fatal: true });
const gb18030 = new TextDecoder('gb18030', { fatal: true });

export function decodeUtf8File(bytes: Uint8Array, fileName: string): Decoded {
  const b0 = bytes[0];
  const b1 = bytes[1];
  if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff) || looksLikeUtf16(bytes)) {
    return {
      ok: false,
      line: 1,
      column: 1,
      found: hex(bytes.subarray(0, 4)),
      message: 'the file is UTF-16 (Excel\'s "Unicode text"), not UTF-8',
      fix: `convert it: iconv -f UTF-16 -t UTF-8 ${fileName} > converted.csv (or save from Excel as "CSV UTF-8 (逗号分隔)")`,
    };
  }
  // TextDecoder drops a leading UTF-8 BOM by itself (ignoreBOM is false).
  try {
    return { ok: true, text: utf8.decode(bytes) };
  } catch {
    // fall through: locate the first bad byte and guess the encoding
  }
  const at = firstInvalidUtf8(bytes);
  const { line, column, lineStart, lineEnd } = position(bytes, at);
  const found = hex(bytes.subarray(at, Math.min(at + 4, bytes.length)));
  const asGb = tryGb18030(bytes.subarray(lineStart, lineEnd));
  if (asGb !== null && tryGb18030(bytes) !== null) {
    return {
      ok: false,
      line,
      column,
      found,
      message: `the file is not UTF-8; it looks like GBK/GB18030, where this line reads ${JSON.stringify(asGb.slice(0, 60))}`,
      fix: `convert it: iconv -f GB18030 -t UTF-8 ${fileName} > converted.csv (or save from Excel as "CSV UTF-8 (逗号分隔)")`,
    };
  }
  return {
    ok: false,
    line,
    column,
    found,
    message: 'the file is not UTF-8 and its encoding is not recognised',
    fix: `save it as UTF-8 (in Excel: "CSV UTF-8 (逗号分隔)"), or convert it: iconv -f <its encoding> -t UTF-8 ${fileName} > converted.csv`,
  };
}

/** UTF-16 without a BOM: text in the ASCII range leaves every other byte zero. */
function looksLikeUtf16(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 1000);
  if (n < 4) return false;
  let zeros = 0;
  for (let i = 0; i < n; i++) if (bytes[i] === 0) zeros++;
  return zeros >= n / 4;
}

function tryGb18030(bytes: Uint8Array): string | null {
  try {
    return gb18030.decode(bytes);
  } catch {
    return null;
  }
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i]!;
    let len: number;
    if (b < 0x80) len = 1;
    else if (b >= 0xc2 && b <= 0xdf) len = 2;
    else if (b >= 0xe0 && b <= 0xef) len = 3;
    else if (b >= 0xf0 && b <= 0xf4) len = 4;
    else return i;
    if (i + len > n) return i;
    for (let k = 1; k < len; k++) {
      if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    }
    // Overlongs, surrogates and code points above U+10FFFF are invalid too.
    const b1 = bytes[i + 1] ?? 0;
    if ((b === 0xe0 && b1 < 0xa0) || (b === 0xed && b1 > 0x9f) || (b === 0xf0 && b1 < 0x90) || (b === 0xf4 && b1 > 0x8f)) {
      return i;
    }
    i += len;
  }
  return n;
}

/**
 * Line and field of a byte offset. Counting commas ignores quoting, which is good enough to
 * point at the cell: neither GBK nor UTF-8 uses the comma or newline byte inside a character.
 */
function position(bytes: Uint8Array, at: number): { line: number; column: number; lineStart: number; lineEnd: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < at; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  let column = 1;
  for (let i = lineStart; i < at; i++) if (bytes[i] === 0x2c) column++;
  let lineEnd = bytes.indexOf(0x0a, at);
  if (lineEnd < 0) lineEnd = bytes.length;
  return { line, column, lineStart, lineEnd };
}

function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).toUpperCase().padStart(2, '0')).join(' ');
}
