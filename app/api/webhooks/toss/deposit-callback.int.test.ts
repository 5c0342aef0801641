// DEPOSIT_CALLBACK (virtual-account deposits, which this shop does not take) is answered 200 and ignored:
// no row, no job, no Toss look-up, so Toss neither retries it nor can use it to make us work.
import { describe, expect, it } from "vitest";
import { POST } from "@/app/api/webhooks/toss/route";
import { db } from "@/lib/db";
import { ctx, jsonRequest } from "@/test/http";

describe("POST /api/webhooks/toss with DEPOSIT_CALLBACK", () => {
  it("answers 200 and records nothing, whichever shape the body has", async () => {
    const before = await db.webhookEvent.count();
    const flat = { eventType: "DEPOSIT_CALLBACK", createdAt: "2026-03-01T12:00:00.000000", secret: "s3cr3t", status: "DONE", transactionKey: "tx_1", orderId: "order-va-000001" };
    const wrapped = { eventType: "DEPOSIT_CALLBACK", createdAt: "2026-03-01T12:00:00.000000", data: { orderId: "order-va-000001", status: "DONE", secret: "s3cr3t" } };
    for (const body of [flat, wrapped]) {
      const r = await POST(jsonRequest("/api/webhooks/toss", { body, origin: null }), ctx());
      expect(r.status).toBe(200);
    }
    expect(await db.webhookEvent.count()).toBe(before);
  });
});
