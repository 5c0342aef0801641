// What the fake can be told at start-up (flags, startTossFake options) and at run time
// (POST /_fake/config with any subset). Rates are shares between 0 and 1.
import { z } from "zod";

const rate = z.number().min(0).max(1);
const ms = z.number().int().min(0);

export const faultTargetSchema = z.enum(["confirm", "cancel", "lookup"]);
export type FaultTarget = z.infer<typeof faultTargetSchema>;

export const fakeConfigSchema = z.object({
  /** Secret keys the fake accepts (Basic base64(key + ":")). */
  secretKeys: z.array(z.string().min(1)).min(1),
  /** How long an authorised payment waits for its confirm before NOT_FOUND_PAYMENT_SESSION. */
  sessionTtlMs: ms,
  /** Added to every API answer, ± jitter. */
  latencyMs: ms,
  latencyJitterMs: ms,
  /** Share of API calls that never get an answer (the caller's timeout fires). */
  hangRate: rate,
  /** "after": Toss did the work and the answer is lost (the dangerous case); "before": nothing happened. */
  hangPhase: z.enum(["before", "after"]),
  /** Share of API calls answered 500 FAILED_INTERNAL_SYSTEM_PROCESSING without doing anything (1 = storm). */
  errorRate: rate,
  /** Share of confirms declined with 403 REJECT_CARD_PAYMENT. */
  declineRate: rate,
  /**
   * Share of API calls that are slow on Toss's side: the work lands after `slowMs` (or at once on
   * POST /_fake/slow/finish), and until then its Idempotency-Key is in flight (the same key answers 409
   * IDEMPOTENT_REQUEST_PROCESSING).
   */
  slowRate: rate,
  slowMs: ms,
  /**
   * Share of POSTs with an Idempotency-Key that reach Toss twice (a copy just ahead of this one): the copy is
   * processed over `slowMs` and this one answers 409 IDEMPOTENT_REQUEST_PROCESSING. Asking again with the key
   * gives 409 until the copy's work lands, then its stored answer.
   */
  conflictRate: rate,
  /** Faults for the next API calls, in order, before any rate applies ("none" = answer normally). */
  nextFaults: z.array(z.enum(["error", "hang", "slow", "conflict", "none"])),
  /** Which API calls the faults above (latency, hang, 5xx, slow, conflict) apply to. */
  faultTargets: z.array(faultTargetSchema),
  /** Load profile of POST /v1/_fake/sessions with action "profile": buyers who close the window... */
  abandonRate: rate,
  /** ...and buyers whose card is then declined at confirm. */
  failRate: rate,
  /** Seed of every random decision above. */
  seed: z.number().int(),
  webhook: z.object({
    /** Where PAYMENT_STATUS_CHANGED events go; null sends nothing. */
    url: z.url().nullable(),
    /** Share of events delivered twice. */
    duplicateRate: rate,
    /** Hold events for reorderWindowMs and deliver them newest first. */
    reorder: z.boolean(),
    reorderWindowMs: ms,
    /** Waits before redelivering after an answer other than 200 (Toss: 1, 4, 16, 64, 256, 1024, 4096 min). */
    retryDelaysMs: z.array(ms).max(10),
  }),
});
export type FakeConfig = z.infer<typeof fakeConfigSchema>;

export const fakeConfigPatchSchema = fakeConfigSchema.extend({ webhook: fakeConfigSchema.shape.webhook.partial() }).partial();
export type FakeConfigPatch = z.infer<typeof fakeConfigPatchSchema>;

const MINUTE = 60_000;

export const defaultFakeConfig: FakeConfig = {
  secretKeys: ["test_sk_hurryup_local"],
  sessionTtlMs: 10 * MINUTE,
  latencyMs: 0,
  latencyJitterMs: 0,
  hangRate: 0,
  hangPhase: "after",
  errorRate: 0,
  declineRate: 0,
  slowRate: 0,
  slowMs: 2_000,
  conflictRate: 0,
  nextFaults: [],
  faultTargets: ["confirm", "cancel", "lookup"],
  abandonRate: 0.2,
  failRate: 0.2,
  seed: 1,
  webhook: {
    url: null,
    duplicateRate: 0,
    reorder: false,
    reorderWindowMs: 200,
    retryDelaysMs: [1, 4, 16, 64, 256, 1024, 4096].map((m) => m * MINUTE),
  },
};

export function mergeConfig(base: FakeConfig, patch: FakeConfigPatch): FakeConfig {
  return fakeConfigSchema.parse({ ...base, ...patch, webhook: { ...base.webhook, ...patch.webhook } });
}
