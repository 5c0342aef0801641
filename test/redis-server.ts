// A dedicated redis-server for fault tests and the benchmark: its own free port, no persistence, and
// stop / pause / restart on demand.
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import Redis from "ioredis";

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

export class RedisProcess {
  private child?: ChildProcess;
  constructor(readonly port: number) {}
  get url() {
    return `redis://127.0.0.1:${this.port}`;
  }
  /** The server's process id (the benchmark reads its CPU time). */
  get pid() {
    return this.child?.pid;
  }

  static async start(port?: number) {
    const r = new RedisProcess(port ?? (await freePort()));
    await r.start();
    return r;
  }

  async start() {
    const child = spawn("redis-server", ["--port", String(this.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: "ignore" });
    this.child = child;
    // Whoever started it forgets to stop it, or the process ends early: the server does not outlive us.
    process.once("exit", () => child.exitCode === null && child.signalCode === null && child.kill("SIGKILL"));
    const probe = new Redis(this.url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    probe.on("error", () => {});
    // A ceiling for a busy machine, not a count of tries.
    const deadline = performance.now() + 30_000;
    while (performance.now() < deadline) {
      try {
        await probe.connect();
        await probe.ping();
        probe.disconnect();
        return;
      } catch {
        await new Promise((r) => setTimeout(r, 50));
      }
    }
    probe.disconnect();
    throw new Error(`redis-server on ${this.port} did not start`);
  }

  /** SIGKILL: the data is gone, as after a crash without persistence. */
  async stop() {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once("exit", r));
    child.kill("SIGKILL");
    await exited;
  }

  /** Unreachable but alive: the data stays (a network partition). */
  pause() {
    this.child?.kill("SIGSTOP");
  }
  resume() {
    this.child?.kill("SIGCONT");
  }
}
