// GET /api/metrics through the route: open outside production and in the demo (HURRYUP_DEMO=1, which the
// benchmarks scrape), bearer METRICS_TOKEN in production, off (503) there without a token.
import { afterEach, describe, expect, test } from "vitest";
import * as metricsRoute from "@/app/api/metrics/route";
import { env } from "@/lib/env";
import { ctx, jsonRequest } from "@/test/http";

const TOKEN = "metrics-token-0123456789abcdef";
const saved = { NODE_ENV: env.NODE_ENV, HURRYUP_DEMO: env.HURRYUP_DEMO, METRICS_TOKEN: env.METRICS_TOKEN };
afterEach(() => void Object.assign(env, saved));

const scrape = (authorization?: string) =>
  metricsRoute.GET(jsonRequest("/api/metrics", { origin: null, headers: authorization ? { authorization } : {} }), ctx() as never);

function production(opts: { demo?: boolean; token?: string }) {
  Object.assign(env, { NODE_ENV: "production", HURRYUP_DEMO: opts.demo ?? false, METRICS_TOKEN: opts.token });
}

async function expectMetrics(res: Response) {
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toContain("text/plain");
  expect(await res.text()).toContain("hurryup_stock_admissions_total");
}

describe("GET /api/metrics", () => {
  test("is open outside production, with or without a token configured", async () => {
    await expectMetrics(await scrape());
    env.METRICS_TOKEN = TOKEN;
    await expectMetrics(await scrape());
  });

  test("is open in a production build started with HURRYUP_DEMO=1 (the demo, the benchmarks)", async () => {
    production({ demo: true });
    await expectMetrics(await scrape());
  });

  test("in production answers 401 without the bearer token or with a wrong one", async () => {
    production({ token: TOKEN });
    for (const auth of [undefined, TOKEN, `Bearer ${TOKEN}x`, `Bearer ${TOKEN.slice(0, -1)}`, `Basic ${TOKEN}`, "Bearer "]) {
      const res = await scrape(auth);
      expect(res.status).toBe(401);
      const body = await res.json();
      expect(body.error.code).toBe("UNAUTHENTICATED");
      expect(JSON.stringify(body)).not.toContain("hurryup_");
    }
  });

  test("in production answers the metrics to the right bearer token", async () => {
    production({ token: TOKEN });
    await expectMetrics(await scrape(`Bearer ${TOKEN}`));
  });

  test("in production without METRICS_TOKEN is off (503), never open", async () => {
    production({});
    for (const auth of [undefined, "Bearer ", `Bearer ${TOKEN}`]) {
      const res = await scrape(auth);
      expect(res.status).toBe(503);
      expect((await res.json()).error.code).toBe("METRICS_DISABLED");
    }
  });
});
