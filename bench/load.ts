// Load helpers for the benchmarks: percentiles, load averages beside every figure, a concurrency-limited
// runner, and wrk (a C load generator, Debian package `wrk`) for the bare ceilings.
import { spawn, spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";

/** The 1/5/15-minute load averages now: the machine is shared, every figure carries them. */
export const loadAverage = () => loadavg().map((x) => +x.toFixed(2));

/**
 * CPU seconds (user + system) a process has used so far, from /proc. The difference over a load run,
 * divided by the requests served, is what a request costs that process — a figure other work on the
 * machine hardly moves, where requests/s and the same-run ceiling swing with it.
 */
export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
}
const CLOCK_TICKS = Number(spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).stdout.trim()) || 100;

export function percentiles(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  const at = (p: number) => (s.length ? +s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))].toFixed(1) : null);
  return { p50: at(50), p90: at(90), p99: at(99), max: at(100), n: s.length };
}

export function tally(xs: string[]) {
  const t: Record<string, number> = {};
  for (const x of xs) t[x] = (t[x] ?? 0) + 1;
  return t;
}

/** Runs `task` over `items`, at most `concurrency` at a time (Infinity: all at once). */
export async function pool<T, R>(items: T[], concurrency: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const workers = Math.min(items.length, concurrency);
  await Promise.all(Array.from({ length: workers }, async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await task(items[i]);
    }
  }));
  return out;
}

/**
 * A command confined to `cpus` (util-linux's taskset, which then runs it as the same process), or as it is.
 * Pinning the server to one core and the load generator and Redis to the other keeps the server's latency
 * its own: on two shared cores, a busy wrk thread descheduled with answers waiting inflates every percentile.
 */
export function onCpus(cpus: string | undefined, cmd: string, args: string[]): [string, string[]] {
  return cpus === undefined ? [cmd, args] : ["taskset", ["-c", cpus, cmd, ...args]];
}

/** Moves a running process, every thread of it, onto `cpus`. */
export function pinProcess(pid: number, cpus: string) {
  const r = spawnSync("taskset", ["-a", "-p", "-c", cpus, String(pid)], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`taskset ${pid}: ${r.stderr || r.error}`);
}

export const hasWrk = () => spawnSync("wrk", ["--version"]).error === undefined;

export type WrkOptions = {
  connections: number;
  seconds: number;
  method?: string;
  body?: string;
  headers?: Record<string, string>;
  cookies?: string;
  /** A file of request bodies, one a line: with `cookies`, every request takes the next one (buyers choosing sizes). */
  bodies?: string;
  /**
   * Paced connections: after each answer a connection waits `meanMs` ±25 % (at random) before its next
   * request — a connection stands for a group of pollers, so `connections` × 1000 / `meanMs` is the rate
   * offered (minus the latency). Without it every connection sends as fast as the server answers.
   */
  paceMs?: number;
  /** CPUs wrk may run on (`taskset -c`), for a run that keeps it off the server's core. */
  cpus?: string;
};
export type WrkResult = ReturnType<typeof parseWrk>;

const WRK_THREADS = 2;
/**
 * The connections wrk really opens for `n`: each of its threads takes connections ÷ threads, rounded
 * down — 3 connections on 2 threads are 2. Rounded up to a multiple of the threads here, so a paced load
 * offers the rate it was sized for.
 */
export const wrkConnections = (n: number) => Math.max(WRK_THREADS, Math.ceil(n / WRK_THREADS) * WRK_THREADS);

let scripts = 0;
function wrkArgs(url: string, opts: WrkOptions) {
  const run = scripts++;
  const script = join(tmpdir(), `bench-wrk-${process.pid}-${run}.lua`);
  const headers = Object.entries(opts.headers ?? {}).map(([k, v]) => `wrk.headers[${JSON.stringify(k)}] = ${JSON.stringify(v)}`).join("\n");
  writeFileSync(script, `wrk.method = ${JSON.stringify(opts.method ?? "GET")}
${opts.body === undefined ? "" : `wrk.body = ${JSON.stringify(opts.body)}`}
${headers}
${opts.cookies === undefined ? "" : buyerRotation(opts.cookies, `${process.pid}-${run}`, opts.bodies)}
${opts.paceMs === undefined ? "" : `delay = function() return math.floor(${opts.paceMs} * (0.75 + 0.5 * math.random())) end`}
done = function(summary, latency, requests)
  io.write(string.format("JSON{\\"requests\\":%d,\\"seconds\\":%f,\\"non2xx\\":%d,\\"errors\\":%d,\\"p50\\":%f,\\"p99\\":%f}\\n",
    summary.requests, summary.duration / 1e6, summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
`);
  return [`-t${WRK_THREADS}`, `-c${wrkConnections(opts.connections)}`, `-d${opts.seconds}s`, "--latency", "-s", script, url];
}

function parseWrk(stdout: string, stderr: string, loadBefore: number[]) {
  const line = stdout.split("\n").find((l) => l.startsWith("JSON"));
  if (!line) throw new Error(`wrk failed: ${stderr || stdout}`);
  const j = JSON.parse(line.slice(4)) as { requests: number; seconds: number; non2xx: number; errors: number; p50: number; p99: number };
  return { requests: j.requests, requestsPerSecond: Math.round(j.requests / j.seconds), p50Ms: +j.p50.toFixed(1), p99Ms: +j.p99.toFixed(1), non2xx: j.non2xx, errors: j.errors, loadBefore, loadAfter: loadAverage() };
}

/**
 * wrk for `seconds` with `connections`; optional POST body and headers. Requests/s and latency (ms).
 * `cookies`: a file of Cookie header values, one a line; every request takes the next one and its own
 * Idempotency-Key (many buyers, each request a new one, as at a drop's opening).
 */
export function wrk(url: string, opts: WrkOptions) {
  const loadBefore = loadAverage();
  const r = spawnSync(...onCpus(opts.cpus, "wrk", wrkArgs(url, opts)), { encoding: "utf8" });
  return parseWrk(r.stdout, r.stderr, loadBefore);
}

/** wrk without blocking this process: for two loads at once (a crowd polling while it buys). */
export function wrkAsync(url: string, opts: WrkOptions): Promise<WrkResult> {
  const loadBefore = loadAverage();
  return new Promise((resolvePromise, reject) => {
    const child = spawn(...onCpus(opts.cpus, "wrk", wrkArgs(url, opts)), { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (c: Buffer) => (out += c.toString()));
    child.stderr.on("data", (c: Buffer) => (err += c.toString()));
    child.once("error", reject);
    child.once("exit", () => {
      try {
        resolvePromise(parseWrk(out, err, loadBefore));
      } catch (e) {
        reject(e);
      }
    });
  });
}

/** wrk Lua: each thread reads the cookie file and sends every request as the next buyer with a fresh key. */
function buyerRotation(cookieFile: string, run: string, bodyFile?: string) {
  return `local threads = 0
setup = function(thread)
  threads = threads + 1
  thread:set("tid", threads)
end
local cookies, bodies, n = {}, {}, 0
init = function(args)
  for line in io.lines(${JSON.stringify(cookieFile)}) do cookies[#cookies + 1] = line end
  ${bodyFile === undefined ? "" : `for line in io.lines(${JSON.stringify(bodyFile)}) do bodies[#bodies + 1] = line end`}
  n = tid * 1000003
end
request = function()
  n = n + 1
  wrk.headers["cookie"] = cookies[(n % #cookies) + 1]
  wrk.headers["idempotency-key"] = "wrk-${run}-" .. tid .. "-" .. n
  if #bodies > 0 then return wrk.format(nil, nil, nil, bodies[(n % #bodies) + 1]) end
  return wrk.format()
end
`;
}
