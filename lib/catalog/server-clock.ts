// The offset between the browser's clock and the server's, learned from answers that carry the server's
// time. The server read its clock somewhere between sending and receiving, so the midpoint of the round
// trip is the best guess of the local moment it corresponds to; the sample with the shortest round trip
// has the smallest error bound (± RTT / 2), so it is the one kept.
export type ClockSample = { offsetMs: number; rttMs: number };

/** offset = serverTime − midpoint(request sent, response received); add it to Date.now() to get server time. */
export function sampleOffset(sentMs: number, receivedMs: number, serverTimeMs: number): ClockSample {
  return { offsetMs: serverTimeMs - (sentMs + receivedMs) / 2, rttMs: Math.max(0, receivedMs - sentMs) };
}

/** Keeps the more precise of two samples (shorter round trip). */
export function betterSample(current: ClockSample | null, next: ClockSample): ClockSample {
  return current === null || next.rttMs < current.rttMs ? next : current;
}

export const serverNow = (localNowMs: number, sample: ClockSample | null) => localNowMs + (sample?.offsetMs ?? 0);
