// The circuit breaker around Toss calls (opossum). It trips when most recent attempts end without a
// definite answer, so checkout can say at once that payment is temporarily unavailable instead of making
// every buyer wait for timeouts. Metrics are plain counters and events; prom-client wiring lives elsewhere.
import { EventEmitter } from "node:events";
import CircuitBreaker from "opossum";

export type BreakerOptions = {
  /** Open when more than this share of attempts in the window failed (percent). */
  errorThresholdPercentage?: number;
  /** ...but only once the window holds at least this many attempts. */
  volumeThreshold?: number;
  /** The rolling window. */
  rollingCountTimeoutMs?: number;
  /** How long the breaker stays open before it lets one probe through (half-open). */
  resetTimeoutMs?: number;
  name?: string;
};

export type BreakerState = "closed" | "open" | "halfOpen";
export type BreakerEventName = "fire" | "success" | "failure" | "reject" | "open" | "halfOpen" | "close";

export type BreakerCounters = Record<"fires" | "successes" | "failures" | "rejects" | "opens" | "halfOpens" | "closes", number>;

export type Breaker<A, R> = {
  fire(arg: A): Promise<R>;
  state(): BreakerState;
  /** Cumulative counters since start (not the rolling window). */
  counters(): BreakerCounters;
  on(event: BreakerEventName, listener: () => void): () => void;
  shutdown(): void;
};

export function createBreaker<A, R>(action: (arg: A) => Promise<R>, options: BreakerOptions = {}): Breaker<A, R> {
  const cb = new CircuitBreaker<[A], R>(action, {
    name: options.name ?? "toss",
    // Each attempt carries its own timeout (transport.ts) that really aborts the request; opossum's
    // timeout would only stop waiting and leave the socket open.
    timeout: false,
    errorThresholdPercentage: options.errorThresholdPercentage ?? 50,
    volumeThreshold: options.volumeThreshold ?? 5,
    rollingCountTimeout: options.rollingCountTimeoutMs ?? 10_000,
    resetTimeout: options.resetTimeoutMs ?? 15_000,
  });
  const counters: BreakerCounters = { fires: 0, successes: 0, failures: 0, rejects: 0, opens: 0, halfOpens: 0, closes: 0 };
  const events = new EventEmitter();
  const count = (event: BreakerEventName, key: keyof BreakerCounters) =>
    cb.on(event as "open", () => {
      counters[key] += 1;
      events.emit(event);
    });
  count("fire", "fires");
  count("success", "successes");
  count("failure", "failures");
  count("reject", "rejects");
  count("open", "opens");
  count("halfOpen", "halfOpens");
  count("close", "closes");

  return {
    fire: (arg) => cb.fire(arg),
    state: () => (cb.opened ? "open" : cb.halfOpen ? "halfOpen" : "closed"),
    counters: () => ({ ...counters }),
    on(event, listener) {
      events.on(event, listener);
      return () => events.off(event, listener);
    },
    shutdown: () => cb.shutdown(),
  };
}

/** True for the error opossum throws when it refuses a call because the breaker is open. */
export const isBreakerOpenError = (error: unknown) =>
  error instanceof Error && (error as Error & { code?: string }).code === "EOPENBREAKER";
