// The one clock. Tests move it; everything that asks "what time is it" asks here.
let offsetMs = 0;

export const clock = {
  now: (): Date => new Date(Date.now() + offsetMs),
  nowMs: (): number => Date.now() + offsetMs,
  /** Test-only: shift the shop's clock. */
  setOffsetMs(ms: number) {
    offsetMs = ms;
  },
};
