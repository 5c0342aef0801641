// The offset between the browser's clock and the server's, learned from answers that carry the server's
// time. The server read its clock somewhere between sending and receiving, so the midpoint of the round
// trip is the best guess of the local moment it corresponds to; the sample with the smallest error bound
// (± rttMs / 2) is the one kept.
//
// An answer may come from a shared cache (a CDN honours the live stock's s-maxage) rather than from the
// server: then its serverTime is as old as the copy, and the cache says how old in the Age header, in
// whole seconds. The copy was made between Age and Age + 1 s before it was sent, so the sample moves
// forward by Age + 0.5 s and its error bound widens by that second — the page still prefers an answer
// straight from the server, and a cached one cannot set its countdown back by the copy's age.
export type ClockSample = {
  offsetMs: number;
  /** The width of the window the server's reading fell in: the round trip, plus a second for a cached copy. */
  rttMs: number;
};

/** offset = serverTime − midpoint(request sent, response received); add it to Date.now() to get server time. */
export function sampleOffset(sentMs: number, receivedMs: number, serverTimeMs: number): ClockSample {
  return { offsetMs: serverTimeMs - (sentMs + receivedMs) / 2, rttMs: Math.max(0, receivedMs - sentMs) };
}

/** Like sampleOffset, for an answer that may have been served from a shared cache (`age`: its Age header). */
export function sampleOffsetAged(sentMs: number, receivedMs: number, serverTimeMs: number, age: string | null): ClockSample {
  const seconds = age === null ? NaN : Number(age.trim());
  const s = sampleOffset(sentMs, receivedMs, serverTimeMs);
  if (!Number.isInteger(seconds) || seconds < 0) return s;
  return { offsetMs: s.offsetMs + seconds * 1000 + 500, rttMs: s.rttMs + 1000 };
}

/** Keeps the more precise of two samples (narrower window). */
export function betterSample(current: ClockSample | null, next: ClockSample): ClockSample {
  return current === null || next.rttMs < current.rttMs ? next : current;
}

export const serverNow = (localNowMs: number, sample: ClockSample | null) => localNowMs + (sample?.offsetMs ?? 0);
