// Server code that also runs in the worker process (plain Node via tsx), hence no "server-only" marker.
// The stock gate's circuit breaker: closed → open when too many recent calls fail → half-open after a
// pause, where one trial call decides (success closes, failure opens again). The same rules and option
// names as opossum (which the Toss client keeps, lib/payments/toss/breaker.ts), written for a call rate
// opossum is not built for: every buy request passes here, and opossum's per-call promise, timer and
// events, and its latency percentiles (tens of thousands of figures sorted twice a second), were ~4 % of
// the server's time at an opening (docs/benchmarks.md, fourth pass). A call here is one promise reaction
// and a counter; a timer only where the store has no timeout of its own.
import { EventEmitter } from "node:events";

export type BreakerOptions = {
  /** ms before a call counts as failed; false = none (the store bounds its own commands). */
  timeout?: number | false;
  /** Opens when more than this share (%) of the window's calls failed… */
  errorThresholdPercentage?: number;
  /** …and the window holds at least this many calls. */
  volumeThreshold?: number;
  /** ms open before one trial call is let through (half-open). */
  resetTimeout?: number;
  /** The window (ms) failures are counted over, in ten slices. */
  rollingCountTimeout?: number;
  /** What a failed or refused call rejects with (default: its own error, or BreakerOpenError). */
  failure?: (err: unknown) => unknown;
};

const SLICES = 10;

export class BreakerOpenError extends Error {
  constructor() {
    super("Breaker is open");
    this.name = "BreakerOpenError";
  }
}

export class CallTimeout extends Error {
  constructor(ms: number) {
    super(`Timed out after ${ms}ms`);
    this.name = "CallTimeout";
  }
}

/** Emits "open" and "close". */
export class Breaker<A> extends EventEmitter {
  private state: "closed" | "open" | "halfOpen" = "closed";
  private trialOut = false;
  private readonly fires = new Array<number>(SLICES).fill(0);
  private readonly failures = new Array<number>(SLICES).fill(0);
  private slice = 0;
  private readonly rotation: NodeJS.Timeout;
  private reset?: NodeJS.Timeout;
  private readonly opts: Required<BreakerOptions>;

  constructor(private readonly action: (arg: A) => Promise<unknown>, opts: BreakerOptions = {}) {
    super();
    this.opts = { timeout: false, errorThresholdPercentage: 50, volumeThreshold: 0, resetTimeout: 30_000, rollingCountTimeout: 10_000, failure: (err) => err, ...opts };
    this.rotation = setInterval(() => {
      this.slice = (this.slice + 1) % SLICES;
      this.fires[this.slice] = this.failures[this.slice] = 0;
    }, Math.max(1, Math.floor(this.opts.rollingCountTimeout / SLICES))).unref();
  }

  get closed() {
    return this.state === "closed";
  }

  /** Runs the action unless open (BreakerOpenError); its failures count towards opening. */
  fire(arg: A): Promise<unknown> {
    if (this.state !== "closed") {
      if (this.state === "open" || this.trialOut) return Promise.reject(this.opts.failure(new BreakerOpenError()));
      this.trialOut = true;
    }
    this.fires[this.slice]++;
    let call: Promise<unknown>;
    try {
      call = this.action(arg);
    } catch (err) {
      call = Promise.reject(err);
    }
    if (this.opts.timeout !== false) call = withTimeout(call, this.opts.timeout);
    return call.then(this.succeeded, this.failed);
  }

  private readonly succeeded = (value: unknown) => {
    if (this.state === "halfOpen") this.close();
    return value;
  };

  private readonly failed = (err: unknown): never => {
    this.failures[this.slice]++;
    if (this.state === "halfOpen") this.open();
    else if (this.state === "closed") {
      const fires = sum(this.fires);
      if (fires >= this.opts.volumeThreshold && (sum(this.failures) / fires) * 100 > this.opts.errorThresholdPercentage) this.open();
    }
    throw this.opts.failure(err);
  };

  open() {
    if (this.state === "open") return;
    this.state = "open";
    this.trialOut = false;
    clearTimeout(this.reset);
    this.reset = setTimeout(() => {
      this.state = "halfOpen";
      this.trialOut = false;
    }, this.opts.resetTimeout).unref();
    this.emit("open");
  }

  close() {
    if (this.state === "closed") return;
    clearTimeout(this.reset);
    this.state = "closed";
    this.emit("close");
  }

  shutdown() {
    clearInterval(this.rotation);
    clearTimeout(this.reset);
    this.removeAllListeners();
  }
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

function withTimeout<T>(call: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([call, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new CallTimeout(ms)), ms)))]).finally(() => clearTimeout(timer));
}
