// GET /api/ready against the real PostgreSQL and Redis; a Redis client pointed at a closed port shows 503.
import { afterAll, describe, expect, it } from "vitest";
import * as readyRoute from "@/app/api/ready/route";
import { createRedis, key, redis } from "@/lib/redis";
import { ctx, jsonRequest } from "@/test/http";
import { freePort } from "@/test/redis-server";
import { checkReadiness } from "./queries";

const deadClients: ReturnType<typeof createRedis>[] = [];
afterAll(async () => {
  for (const c of deadClients) c.disconnect();
  await redis.del(key("worker:heartbeat"));
});

describe("readiness", () => {
  it("200 when PostgreSQL and Redis answer; reports the worker's heartbeat without failing on it", async () => {
    await redis.del(key("worker:heartbeat"));
    const res = await readyRoute.GET(jsonRequest("/api/ready"), ctx() as never);
    const body = await res.json();
    expect(body).toEqual({ status: "ok", checks: { postgres: "ok", redis: "ok" }, failing: [], worker: { status: "missing", lastHeartbeatAt: null },
      modes: { postgres: "server", stock: "redis", limits: "redis", waitingRoom: "on" },
    });
    expect(res.status).toBe(200);

    const beat = Date.now();
    await redis.set(key("worker:heartbeat"), String(beat), "EX", 30);
    const again = await (await readyRoute.GET(jsonRequest("/api/ready"), ctx() as never)).json();
    expect(again.worker).toEqual({ status: "alive", lastHeartbeatAt: new Date(beat).toISOString() });
  });

  it("unavailable, naming Redis, when Redis cannot be reached", async () => {
    const dead = createRedis(`redis://127.0.0.1:${await freePort()}`);
    dead.on("error", () => {});
    deadClients.push(dead);
    const report = await checkReadiness({ redis: dead });
    expect(report).toMatchObject({ status: "unavailable", checks: { postgres: "ok", redis: "failing" }, failing: ["redis"], worker: { status: "unknown" } });
  });

  it("in the PostgreSQL-only mode: Redis is off, not failing (a dead Redis does not matter)", async () => {
    const dead = createRedis(`redis://127.0.0.1:${await freePort()}`);
    dead.on("error", () => {});
    deadClients.push(dead);
    const report = await checkReadiness({ redis: dead, redisEnabled: false });
    expect(report).toMatchObject({ status: "ok", checks: { postgres: "ok", redis: "off" }, failing: [], worker: { status: "unknown" } });
    expect(await checkReadiness({ redisEnabled: false, postgres: async () => false })).toMatchObject({ status: "unavailable", failing: ["postgres"] });
  });

  it("names PostgreSQL when it fails", async () => {
    const report = await checkReadiness({ postgres: async () => false });
    expect(report).toMatchObject({ status: "unavailable", failing: ["postgres"], checks: { postgres: "failing", redis: "ok" } });
  });
});
