/**
 * A small seeded random source (mulberry32), so a crash run can be replayed from its seed: the
 * same seed makes the same writes and the same kill points (up to the timing of the kills).
 */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** A few distinct items, in the order they were drawn. */
  sample<T>(items: readonly T[], count: number): T[];
}

export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[int(0, items.length - 1)] as T;
  };
  return {
    next,
    int,
    chance: (probability) => next() < probability,
    pick,
    sample: (items, count) => {
      const left = [...items];
      const drawn = [];
      while (drawn.length < count && left.length > 0) {
        drawn.push(...left.splice(int(0, left.length - 1), 1));
      }
      return drawn;
    },
  };
}

/** A seed for one round of a run, spread so that neighbouring rounds do not share a stream. */
export function roundSeed(seed: number, round: number): number {
  return seededRandom((seed ^ Math.imul(round + 1, 0x9e3779b1)) >>> 0).int(0, 0xffffffff);
}
