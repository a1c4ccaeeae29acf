import { createHash } from 'node:crypto';

/**
 * Deterministic pseudo-random numbers for demo seeds (mulberry32): one generator per record key, so
 * re-seeding gives the same data and adding a record never reshuffles the others.
 */
export class SeedRandom {
  private state: number;

  constructor(initialState: number) {
    this.state = initialState >>> 0;
  }

  /** A generator keyed by the SHA-1 of `key` (modules' seeds). */
  static of(key: string): SeedRandom {
    return new SeedRandom(createHash('sha1').update(key).digest().readUInt32LE(0));
  }

  /** A number in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer from `min` to `max`, both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** One of `items`. */
  pick<V>(items: readonly V[]): V {
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.next() < p;
  }
}
