// A private three-master Redis Cluster for the stock tier's cluster tests: three redis-server processes
// in cluster mode, each with its own temporary directory, joined by `redis-cli --cluster create`. Stops
// them and removes the directories afterwards (and kills them if the test process ends first).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Redis from "ioredis";
import { createServer } from "node:net";

/** Whether nothing listens on `port` (127.0.0.1) right now. */
function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.once("error", () => resolve(false));
    srv.listen(port, "127.0.0.1", () => srv.close(() => resolve(true)));
  });
}

/**
 * Ports for `n` cluster nodes. A node also listens on its port + 10000 (the cluster bus), so both must be
 * free — and both below the kernel's ephemeral range (32768+), where no outgoing connection of this machine
 * (the tests' own PostgreSQL and Redis clients) can take one between this check and the node's start.
 */
async function clusterPorts(n: number): Promise<number[]> {
  const ports: number[] = [];
  for (let tries = 0; ports.length < n; tries++) {
    if (tries > 1000) throw new Error("no free port pairs for a Redis Cluster between 20000 and 22767");
    const p = 20_000 + Math.floor(Math.random() * 2_768);
    if (!ports.includes(p) && (await isFree(p)) && (await isFree(p + 10_000))) ports.push(p);
  }
  return ports;
}

export class RedisClusterProcesses {
  private children: ChildProcess[] = [];
  private constructor(readonly ports: number[], readonly dir: string) {}

  get nodes() {
    return this.ports.map((port) => ({ host: "127.0.0.1", port }));
  }

  /** Starts three masters and waits until every one of them reports cluster_state:ok. */
  static async start(masters = 3): Promise<RedisClusterProcesses> {
    // Missing tools fail the test with a reason; nothing here is skipped.
    for (const tool of ["redis-server", "redis-cli"]) {
      if (spawnSync(tool, ["--version"]).error) throw new Error(`${tool} not found on PATH: the Redis Cluster tests need it (Debian/Ubuntu: apt-get install redis-server redis-tools)`);
    }
    const ports = await clusterPorts(masters);
    const c = new RedisClusterProcesses(ports, mkdtempSync(join(tmpdir(), "hurryup-cluster-")));
    process.once("exit", () => c.kill());
    for (const port of ports) {
      const child = spawn("redis-server", [
        "--port", String(port), "--bind", "127.0.0.1", "--cluster-enabled", "yes",
        "--cluster-config-file", `nodes-${port}.conf`, "--dir", c.dir, "--save", "", "--appendonly", "no",
      ], { stdio: "ignore" });
      c.children.push(child);
    }
    await c.until(async (r) => (await r.ping()) === "PONG", "every node answers PING");
    const create = spawnSync("redis-cli", ["--cluster", "create", ...ports.map((p) => `127.0.0.1:${p}`), "--cluster-replicas", "0", "--cluster-yes"], { encoding: "utf8" });
    if (create.status !== 0) throw new Error(`redis-cli --cluster create failed:\n${create.stdout}\n${create.stderr}`);
    await c.until(async (r) => {
      const info = await r.cluster("INFO");
      return info.includes("cluster_state:ok") && info.includes(`cluster_known_nodes:${masters}`) && info.includes("cluster_slots_ok:16384");
    }, "cluster_state:ok on every node");
    return c;
  }

  /** Waits (a ceiling for a busy machine, not a count of tries) until `probe` holds on every node. */
  private async until(probe: (r: Redis) => Promise<boolean>, what: string, ceilingMs = 30_000) {
    const deadline = performance.now() + ceilingMs;
    for (const port of this.ports) {
      const r = new Redis(port, "127.0.0.1", { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
      r.on("error", () => {});
      try {
        for (;;) {
          const ok = await r.connect().then(() => probe(r), () => false).catch(() => false);
          if (ok) break;
          if (performance.now() > deadline) throw new Error(`Redis Cluster: ${what} not reached on ${port}`);
          r.disconnect();
          await new Promise((res) => setTimeout(res, 100));
        }
      } finally {
        r.disconnect();
      }
    }
  }

  /** SIGKILL one master: its slots are gone until it returns (no replicas here). */
  async killNode(port: number) {
    const child = this.children[this.ports.indexOf(port)];
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once("exit", r));
    child.kill("SIGKILL");
    await exited;
  }

  private kill() {
    for (const child of this.children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  }

  async stop() {
    await Promise.all(this.ports.map((p) => this.killNode(p)));
    rmSync(this.dir, { recursive: true, force: true });
  }
}
