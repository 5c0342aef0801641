// What a buyer is told about their place, derived from the room script's answer: pure, so the honest
// figures (position, people ahead, the estimate) have one definition, tested without Redis.

export const roomStates = [
  "off", "too_early", "outside", "prequeue", "waiting", "admitted", "used", "lost", "elsewhere", "sold_out", "ended",
  // Entering refused by a cap (lib/waiting-room/scripts.ts); the enter handler answers these with a 403.
  "device_full", "range_full",
] as const;
export type RoomState = (typeof roomStates)[number];

/** The ROOM script's answer, typed (lib/waiting-room/scripts.ts). */
export type RoomReading = {
  state: RoomState; rank: number; queued: number; admitted: number; available: number;
  passId: string; passExpiresMs: number; startsMs: number; rate: number; windowMs: number;
};

export type RoomView = {
  state: RoomState;
  /** 1-based place in the whole queue (null before the draw or outside). */
  position: number | null;
  /** People still waiting in front (not let through yet). */
  ahead: number | null;
  /** People in the room who have not been let through yet (all of them before the opening). */
  waiting: number;
  available: number;
  /** Buyers let through per second. */
  rate: number;
  /** Seconds until this buyer's turn at the current rate (null when not waiting). */
  estimateSeconds: number | null;
  opensAt: string | null;
  /** When entering opens (the pre-queue window's start). */
  entryOpensAt: string | null;
  pass: string | null;
  passExpiresAt: string | null;
  serverTime: string;
};

export function parseReading(raw: unknown[]): RoomReading {
  const [state, rank, queued, admitted, available, passId, passExpiresMs, startsMs, rate, windowMs] = raw;
  return {
    state: String(state) as RoomState, rank: Number(rank), queued: Number(queued), admitted: Number(admitted), available: Number(available),
    passId: String(passId ?? ""), passExpiresMs: Number(passExpiresMs), startsMs: Number(startsMs), rate: Number(rate), windowMs: Number(windowMs),
  };
}

const iso = (ms: number) => (ms > 0 ? new Date(ms).toISOString() : null);

/** The buyer's view of a reading; `pass` is the signed token when the reading carries a pass. */
export function viewOf(r: RoomReading, nowMs: number, pass: string | null): RoomView {
  const waitingNow = r.state === "waiting";
  const ahead = waitingNow ? Math.max(0, r.rank - r.admitted) : r.state === "admitted" ? 0 : null;
  return {
    state: r.state,
    position: r.rank >= 0 ? r.rank + 1 : null,
    ahead,
    waiting: Math.max(0, r.queued - r.admitted),
    available: Math.max(0, r.available),
    rate: r.rate,
    estimateSeconds: waitingNow && r.rate > 0 ? Math.ceil(((ahead ?? 0) + 1) / r.rate) : null,
    opensAt: iso(r.startsMs),
    entryOpensAt: iso(r.startsMs - r.windowMs),
    pass: r.state === "admitted" ? pass : null,
    passExpiresAt: r.state === "admitted" ? iso(r.passExpiresMs) : null,
    serverTime: new Date(nowMs).toISOString(),
  };
}

/** A count in steps that grow with it: exact up to 20, then tens up to 200, then hundreds. */
export const coarse = (n: number) => (n <= 20 ? n : n <= 200 ? Math.ceil(n / 10) * 10 : Math.ceil(n / 100) * 100);

/**
 * What a long poll compares to decide whether the buyer has news: the state, the pass, and the counts in
 * coarse steps (lib/waiting-room/wait.ts) — someone 800th in line is woken when the hundreds change, not for
 * every person let through, and a pre-queue filling up does not wake every page on every entry. The
 * answer itself always carries the exact figures of the moment.
 */
export function fingerprint(v: RoomView): string {
  return [v.state, v.ahead === null ? "" : coarse(v.ahead), coarse(v.waiting), coarse(v.available), v.rate, v.opensAt ?? "", v.pass ?? ""].join(":");
}
