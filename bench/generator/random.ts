/**
 * Deterministic randomness for the benchmark: the same seed gives the same town, the same letters
 * and the same load, so two runs differ only in what the machine did.
 */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  int(minInclusive: number, maxInclusive: number): number;
  pick<T>(items: readonly T[]): T;
  chance(probability: number): boolean;
  /** Draws an index by weight (weights need not sum to 1). */
  weighted(weights: readonly number[]): number;
  /** A positive whole number with the given mean (geometric), for "how many attachments". */
  geometric(mean: number): number;
}

export function createRandom(seed: number): Random {
  // mulberry32: tiny, fast and good enough for synthetic data.
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!,
    chance: (probability) => next() < probability,
    weighted(weights) {
      const total = weights.reduce((sum, w) => sum + w, 0);
      let r = next() * total;
      for (const [index, weight] of weights.entries()) {
        r -= weight;
        if (r < 0) return index;
      }
      return weights.length - 1;
    },
    geometric(mean) {
      if (mean <= 0) return 0;
      const p = 1 / (mean + 1);
      return Math.floor(Math.log(1 - next()) / Math.log(1 - p));
    },
  };
}

/** Zipf weights 1/rank^s: a few classes take most of the letters, as in a real register. */
export function zipfWeights(count: number, exponent = 1.1): number[] {
  return Array.from({ length: count }, (_, rank) => 1 / Math.pow(rank + 1, exponent));
}

/** A stable 32-bit hash of a string (FNV-1a), for partitioning work between virtual users. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
