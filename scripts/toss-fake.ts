// `npm run toss:fake [-- flags]` — the Toss-compatible server on TOSS_FAKE_PORT (default 4010), accepting
// TOSS_SECRET_KEY. Every flag can also be changed at run time: POST /_fake/config with JSON.
import { parseArgs } from "node:util";
import { env } from "@/lib/env";
import { startTossFake, type TossFakeOptions } from "@/lib/payments/toss-fake";

const { values } = parseArgs({
  options: {
    port: { type: "string" },
    host: { type: "string" },
    "secret-key": { type: "string", multiple: true },
    seed: { type: "string" },
    "session-ttl-ms": { type: "string" },
    latency: { type: "string" },
    jitter: { type: "string" },
    "hang-rate": { type: "string" },
    "hang-phase": { type: "string" },
    "error-rate": { type: "string" },
    "decline-rate": { type: "string" },
    "slow-rate": { type: "string" },
    "slow-ms": { type: "string" },
    "conflict-rate": { type: "string" },
    "abandon-rate": { type: "string" },
    "fail-rate": { type: "string" },
    "webhook-url": { type: "string" },
    "webhook-duplicate-rate": { type: "string" },
    "webhook-reorder": { type: "boolean" },
    help: { type: "boolean" },
  },
});

if (values.help) {
  console.log(`usage: npm run toss:fake -- [--port N] [--host H] [--secret-key K]... [--seed N] [--session-ttl-ms N]
  [--latency MS] [--jitter MS] [--hang-rate 0..1] [--hang-phase before|after] [--error-rate 0..1]
  [--decline-rate 0..1] [--slow-rate 0..1] [--slow-ms MS] [--conflict-rate 0..1] [--abandon-rate 0..1] [--fail-rate 0..1]
  [--webhook-url URL] [--webhook-duplicate-rate 0..1] [--webhook-reorder]`);
  process.exit(0);
}

const num = (v: string | undefined) => (v === undefined ? undefined : Number(v));
const options: TossFakeOptions = {
  port: num(values.port) ?? env.TOSS_FAKE_PORT,
  host: values.host ?? "127.0.0.1",
  secretKeys: values["secret-key"] ?? [env.TOSS_SECRET_KEY],
  seed: num(values.seed),
  sessionTtlMs: num(values["session-ttl-ms"]),
  latencyMs: num(values.latency),
  latencyJitterMs: num(values.jitter),
  hangRate: num(values["hang-rate"]),
  hangPhase: values["hang-phase"] as TossFakeOptions["hangPhase"],
  errorRate: num(values["error-rate"]),
  declineRate: num(values["decline-rate"]),
  slowRate: num(values["slow-rate"]),
  slowMs: num(values["slow-ms"]),
  conflictRate: num(values["conflict-rate"]),
  abandonRate: num(values["abandon-rate"]),
  failRate: num(values["fail-rate"]),
  webhook: {
    url: values["webhook-url"] ?? null,
    duplicateRate: num(values["webhook-duplicate-rate"]),
    reorder: values["webhook-reorder"],
  },
};
// Unset flags keep the defaults.
const clean = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

try {
  const fake = await startTossFake({ ...clean(options), webhook: clean(options.webhook!) });
  console.log(`Toss-compatible server on ${fake.url} (checkout page: ${fake.url}/checkout, admin: ${fake.url}/_fake/config)`);
  const stop = () => void fake.close().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
} catch (error) {
  console.error(`toss:fake could not start: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
