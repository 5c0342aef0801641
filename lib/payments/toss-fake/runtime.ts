// Everything one running fake holds: its configuration, clock, seeded random streams, state, webhook
// sender and the requests it is deliberately leaving unanswered.
import type { ServerResponse } from "node:http";
import type { ApiContext } from "./api";
import { fakeConfigSchema, mergeConfig, type FakeConfig, type FakeConfigPatch } from "./config";
import { toPaymentJson } from "./payment-object";
import { seededRng, type Rng } from "./rng";
import { FakeState, type RequestLogEntry } from "./state";
import { WebhookSender } from "./webhooks";

const MAX_LOG = 100_000;

type Rngs = Record<"chaos" | "latency" | "decline" | "profile" | "webhook" | "slow", Rng>;

function rngsFor(seed: number): Rngs {
  // Separate streams, so turning one fault on does not change which requests another fault hits.
  return { chaos: seededRng(seed), latency: seededRng(seed + 1), decline: seededRng(seed + 2), profile: seededRng(seed + 3), webhook: seededRng(seed + 4), slow: seededRng(seed + 5) };
}

export class FakeRuntime {
  private current: FakeConfig;
  private offsetMs = 0;
  private hung = new Set<ServerResponse>();
  private waits = new Map<NodeJS.Timeout, { resolve: () => void; reject: (reason: Error) => void }>();
  rngs: Rngs;
  readonly state: FakeState;
  readonly webhooks: WebhookSender;
  readonly apiContext: ApiContext;
  baseUrl = "http://127.0.0.1";

  constructor(
    private readonly initial: FakeConfig,
    private readonly clock: () => number = Date.now,
  ) {
    this.current = fakeConfigSchema.parse(initial);
    this.rngs = rngsFor(this.current.seed);
    this.state = new FakeState(this.now);
    this.webhooks = new WebhookSender(this.config, () => this.rngs.webhook(), this.now);
    this.apiContext = {
      state: this.state,
      config: this.config,
      now: this.now,
      declineRng: () => this.rngs.decline(),
      baseUrl: () => this.baseUrl,
      changed: (record) => this.webhooks.send(toPaymentJson(record, this.baseUrl)),
    };
  }

  now = () => this.clock() + this.offsetMs;
  config = () => this.current;

  configure(patch: FakeConfigPatch): FakeConfig {
    const next = mergeConfig(this.current, patch);
    if (next.seed !== this.current.seed) this.rngs = rngsFor(next.seed);
    this.current = next;
    return next;
  }

  /** The next scripted fault, if any (POST /_fake/config { nextFaults: [...] }). */
  takeScriptedFault(): FakeConfig["nextFaults"][number] | undefined {
    if (!this.current.nextFaults.length) return undefined;
    const [next, ...rest] = this.current.nextFaults;
    this.current = { ...this.current, nextFaults: rest };
    return next;
  }

  /** Moves the fake's clock (session expiry, idempotency retention) forward. */
  advanceTime(ms: number) {
    this.offsetMs += ms;
  }

  /** Forgets every payment, stored answer and log, and returns to the start-up configuration. */
  reset() {
    this.state.reset();
    this.webhooks.deliveries = [];
    this.current = fakeConfigSchema.parse(this.initial);
    this.rngs = rngsFor(this.current.seed);
    this.offsetMs = 0;
    this.releaseHung();
  }

  logRequest(entry: RequestLogEntry) {
    if (this.state.requests.length >= MAX_LOG) this.state.requests.splice(0, MAX_LOG / 2);
    this.state.requests.push(entry);
  }

  /** Never answer: keep the response open until the caller gives up or the fake closes. */
  hold(res: ServerResponse) {
    this.hung.add(res);
    res.on("close", () => this.hung.delete(res));
  }

  releaseHung() {
    for (const res of this.hung) res.destroy();
    this.hung.clear();
    // Slow work still waiting is dropped (reset / close): it never lands.
    for (const [timer, { reject }] of this.waits) {
      clearTimeout(timer);
      reject(new Error("toss-fake: work dropped by reset or close"));
    }
    this.waits.clear();
  }

  /** Waits `ms` on Toss's side (slow work); dropped by reset() and close(), finished now by finishSlowWork(). */
  work(ms: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waits.delete(timer);
        resolve();
      }, ms);
      this.waits.set(timer, { resolve, reject });
    });
  }

  /**
   * Lands every piece of slow work still waiting, now (POST /_fake/slow/finish): a test sets a long slowMs,
   * checks what Toss answers while the work runs, then says when it lands — no race with the wall clock.
   * Returns how many landed.
   */
  finishSlowWork(): number {
    const waiting = [...this.waits];
    this.waits.clear();
    for (const [timer, { resolve }] of waiting) {
      clearTimeout(timer);
      resolve();
    }
    return waiting.length;
  }

  delay(): Promise<void> {
    const { latencyMs, latencyJitterMs } = this.current;
    const jitter = latencyJitterMs ? (this.rngs.latency() * 2 - 1) * latencyJitterMs : 0;
    const ms = Math.max(0, Math.round(latencyMs + jitter));
    return ms ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
  }
}
