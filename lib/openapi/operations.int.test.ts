// Real answers of the operations routes and the test hooks held against the OpenAPI document (the
// document itself, cron, metrics; health and readiness are in responses.int.test.ts). The test hooks and
// the cron trigger are switched on for this file only (before lib/env.ts reads the environment).
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it, vi } from "vitest";

const CRON_SECRET = vi.hoisted(() => {
  const secret = "openapi-cron-secret-0123456789";
  vi.stubEnv("HURRYUP_TEST_HOOKS", "1");
  vi.stubEnv("CRON_SECRET", secret);
  return secret;
});

import * as cronRoute from "@/app/api/cron/jobs/route";
import * as metricsRoute from "@/app/api/metrics/route";
import * as openapiRoute from "@/app/api/openapi.json/route";
import * as advanceRoute from "@/app/api/test-hooks/orders/[id]/advance/route";
import * as openingRoute from "@/app/api/test-hooks/products/[id]/opening/route";
import * as crowdRoute from "@/app/api/test-hooks/waiting-room/[id]/crowd/route";
import { stopBoss } from "@/lib/jobs/boss";
import { createProduct } from "@/test/factories";
import { ctx, jsonRequest } from "@/test/http";
import { checkAnswer, expectConforms } from "@/test/openapi";
import { markPaid, placeTestOrder } from "@/test/orders";
import { createBuyers } from "@/test/stock";
import { openApiDocument } from "./document";

afterAll(async () => {
  vi.unstubAllEnvs();
  await stopBoss();
});

const doc = openApiDocument();
const check = (path: string, method: string, res: Response) => checkAnswer(doc, path, method, res);
const none = ctx() as never;

describe("operations", () => {
  it("GET /api/openapi.json: the document, under its own top-level schema", async () => {
    const served = await check("/api/openapi.json", "GET", await openapiRoute.GET(jsonRequest("/api/openapi.json"), none));
    expectConforms(served, 200);
    expect(served.body.openapi).toBe("3.1.1");
  });

  it("GET /api/cron/jobs: what ran with the secret, 401 without it", async () => {
    const ran = await check("/api/cron/jobs", "GET", await cronRoute.GET(jsonRequest("/api/cron/jobs", { headers: { authorization: `Bearer ${CRON_SECRET}` } }), none));
    expectConforms(ran, 200);
    expect(typeof ran.body.drained).toBe("boolean");
    expectConforms(await check("/api/cron/jobs", "GET", await cronRoute.GET(jsonRequest("/api/cron/jobs", { headers: { authorization: "Bearer wrong-secret-0123456789" } }), none)), 401);
  });

  it("GET /api/metrics: Prometheus text (open outside production)", async () => {
    const res = await metricsRoute.GET(jsonRequest("/api/metrics"), none);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/plain/);
    expect(await res.text()).toMatch(/^# (HELP|TYPE) /m);
  });
});

describe("test hooks", () => {
  it("advance: 200 moved, 409 not taken (its own shape), 422 for an unknown step", async () => {
    const product = await createProduct();
    const [buyerId] = await createBuyers(1);
    const orderId = await placeTestOrder(buyerId, [{ productId: product.id, quantity: 1 }]);
    await markPaid(orderId);
    const advance = (step: string) => advanceRoute.POST(jsonRequest(`/api/test-hooks/orders/${orderId}/advance`, { body: { step } }), ctx({ id: orderId }) as never);
    expectConforms(await check("/api/test-hooks/orders/{id}/advance", "POST", await advance("ship")), 200);
    const notTaken = await check("/api/test-hooks/orders/{id}/advance", "POST", await advance("ship"));
    expectConforms(notTaken, 409);
    expect(notTaken.body).toEqual({ result: "skipped", status: "SHIPPING" });
    expectConforms(await check("/api/test-hooks/orders/{id}/advance", "POST", await advance("fly")), 422);
  });

  it("opening and crowd: 200 with the new opening and the queue's length; 404 for no such product", async () => {
    const p = await createProduct({ type: "LIMITED", units: 5, perBuyerLimit: 1, saleStartsAt: new Date(Date.now() + 3_600_000), waitingRoom: true });
    const opened = await check("/api/test-hooks/products/{id}/opening", "POST", await openingRoute.POST(jsonRequest(`/api/test-hooks/products/${p.id}/opening`, { body: { inSeconds: 600 } }), ctx({ id: p.id }) as never));
    expectConforms(opened, 200);
    const missing = randomUUID();
    expectConforms(await check("/api/test-hooks/products/{id}/opening", "POST", await openingRoute.POST(jsonRequest(`/api/test-hooks/products/${missing}/opening`, { body: { inSeconds: 600 } }), ctx({ id: missing }) as never)), 404);
    const crowd = await check("/api/test-hooks/waiting-room/{id}/crowd", "POST", await crowdRoute.POST(jsonRequest(`/api/test-hooks/waiting-room/${p.id}/crowd`, { body: { where: "ahead", n: 3 } }), ctx({ id: p.id }) as never));
    expectConforms(crowd, 200);
    expect(crowd.body.queued).toBeGreaterThanOrEqual(3);
    expectConforms(await check("/api/test-hooks/waiting-room/{id}/crowd", "POST", await crowdRoute.POST(jsonRequest(`/api/test-hooks/waiting-room/${p.id}/crowd`, { body: { where: "sideways", n: 3 } }), ctx({ id: p.id }) as never)), 422);
  });
});
