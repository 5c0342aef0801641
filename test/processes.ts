// Node processes a test starts and must stop: node with tsx's loader directly (no npx or shell in
// between), each the leader of its own process group (detached), stopped as a group with SIGTERM and,
// past a ceiling, SIGKILL. If the test process ends without stopping them, they are killed with it.
import { spawn, type ChildProcess } from "node:child_process";

export class NodeProcess {
  output = "";
  readonly child: ChildProcess;

  constructor(readonly name: string, script: string, env: NodeJS.ProcessEnv) {
    this.child = spawn(process.execPath, ["--import", "tsx", script], { cwd: process.cwd(), env, stdio: ["ignore", "pipe", "pipe"], detached: true });
    this.child.stdout!.on("data", (d) => (this.output += d));
    this.child.stderr!.on("data", (d) => (this.output += d));
    process.once("exit", () => this.signal("SIGKILL"));
  }

  get exited() {
    return this.child.exitCode !== null || this.child.signalCode !== null;
  }

  /** Signals the whole group (the process and anything it started). */
  signal(signal: NodeJS.Signals) {
    try {
      if (this.child.pid) process.kill(-this.child.pid, signal);
    } catch {
      // the group is gone
    }
  }

  /** JSON log lines (pino) with this message. */
  logLines(msg: string): Record<string, unknown>[] {
    return this.output.split("\n").filter((l) => l.startsWith("{") && l.includes(msg)).map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.msg === msg);
  }

  async stop(ceilingMs = 15_000) {
    if (!this.exited) {
      const exited = new Promise((r) => this.child.once("exit", r));
      this.signal("SIGTERM");
      const kill = setTimeout(() => this.signal("SIGKILL"), ceilingMs);
      await exited;
      clearTimeout(kill);
    }
    this.signal("SIGKILL"); // anything the leader left behind in its group
  }
}

/**
 * Waits for a condition other processes bring about, bounded by a ceiling (a busy machine is slow, a
 * broken process still fails), and fails early with their output when one of them exits.
 */
export async function eventually<T>(probe: () => Promise<T | null | undefined | false>, what: string, procs: NodeProcess[], ceilingMs = 90_000): Promise<T> {
  const deadline = performance.now() + ceilingMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    const dead = procs.find((p) => p.exited);
    if (dead) throw new Error(`${dead.name} exited (${dead.child.exitCode ?? dead.child.signalCode}) while waiting for ${what}:\n${dead.output.slice(-4000)}`);
    if (performance.now() > deadline) throw new Error(`${what} never happened; output:\n${procs.map((p) => `--- ${p.name}\n${p.output.slice(-2000)}`).join("\n")}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
