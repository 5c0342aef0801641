// `npm run toss:fake` really starts a server, and its flags reach the configuration.
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { afterEach, describe, expect, it } from "vitest";

let child: ChildProcess | undefined;
afterEach(async () => {
  if (child && child.exitCode === null) {
    child.kill("SIGTERM");
    await once(child, "exit");
  }
});

async function start(args: string[]): Promise<string> {
  child = spawn(process.execPath, ["--import", "tsx", "scripts/toss-fake.ts", "--port", "0", ...args], { stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  for await (const chunk of child.stdout!) {
    out += chunk;
    const url = /on (http:\/\/\S+)/.exec(out)?.[1];
    if (url) return url;
  }
  throw new Error(`toss:fake exited without a URL: ${out}`);
}

describe("toss:fake CLI", () => {
  it("serves Toss's API with the given secret key and faults", async () => {
    const url = await start(["--secret-key", "test_sk_cli", "--error-rate", "1", "--seed", "3", "--session-ttl-ms", "5000"]);
    expect((await fetch(`${url}/health`)).status).toBe(200);
    const config = await (await fetch(`${url}/_fake/config`)).json();
    expect(config).toMatchObject({ secretKeys: ["test_sk_cli"], errorRate: 1, seed: 3, sessionTtlMs: 5000, abandonRate: 0.2, failRate: 0.2 });
    const auth = { Authorization: `Basic ${Buffer.from("test_sk_cli:").toString("base64")}` };
    const res = await fetch(`${url}/v1/payments/orders/order-000001`, { headers: auth });
    expect(res.status).toBe(500);
    expect((await res.json()).code).toBe("FAILED_INTERNAL_SYSTEM_PROCESSING");
  });
});
