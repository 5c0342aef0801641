// A seeded pseudo-random generator (mulberry32), so a misbehaviour profile replays identically for the
// same seed and the same sequence of requests.
export type Rng = () => number;

export function seededRng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** True with probability `rate` (0 never draws, so a rate of 0 does not shift the sequence). */
export const chance = (rng: Rng, rate: number) => rate > 0 && (rate >= 1 || rng() < rate);
