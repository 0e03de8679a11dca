/**
 * A small seeded pseudo-random number generator, so that generated data is the same bytes
 * on every run and every machine. Not for cryptography.
 *
 * Streams are keyed by strings (`rng(seed, 'series', '410100', 'retail_sales')`): each
 * series draws from its own stream, so adding a unit or an indicator does not shift the
 * numbers of every other series.
 */

/** FNV-1a over the UTF-16 code units of a string, 32 bits. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Standard normal (Box–Muller). */
  normal(): number;
  /** Integer in [lo, hi], both included. */
  int(lo: number, hi: number): number;
  /** Multiplicative noise with mean 1: exp(sigma·z − sigma²/2). */
  lognormal(sigma: number): number;
  /** Picks one element. */
  pick<T>(items: readonly T[]): T;
}

/**
 * sfc32 (Chris Doty-Humphrey's Small Fast Counting generator): four 32-bit words of state,
 * passes PractRand for far longer than any data set here needs.
 */
export function sfc32(a: number, b: number, c: number, d: number): () => number {
  return () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
}

/** A generator whose stream is fixed by the seed and the key parts. */
export function rng(seed: number, ...key: (string | number)[]): Rng {
  const k = key.join('\u0001');
  const next = sfc32(hashString(`a${seed}\u0001${k}`), hashString(`b${seed}\u0001${k}`), hashString(`c${seed}\u0001${k}`), seed >>> 0);
  // Warm up: the first outputs of sfc32 still show the seed's structure.
  for (let i = 0; i < 12; i++) next();
  const normal = (): number => {
    // 1 − u keeps the logarithm finite.
    const u = 1 - next();
    const v = next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  };
  return {
    next,
    normal,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    lognormal: (sigma) => Math.exp(sigma * normal() - (sigma * sigma) / 2),
    pick: (items) => {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[Math.floor(next() * items.length)]!;
    },
  };
}
