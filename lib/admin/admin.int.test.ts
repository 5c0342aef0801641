// Admin API through the real route handlers: role changes that take effect on the user's next request,
// dead letters retried or discarded through pg-boss, and the stock reconciliation reports.
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import * as deadLetterRoute from "@/app/api/admin/dead-letters/[id]/route";
import * as retryRoute from "@/app/api/admin/dead-letters/[id]/retry/route";
import * as reconRoute from "@/app/api/admin/reconciliations/route";
import * as userRoute from "@/app/api/admin/users/[id]/route";
import * as usersRoute from "@/app/api/admin/users/route";
import * as productsRoute from "@/app/api/seller/products/route";
import { mintSessionCookie } from "@/lib/auth/session";
import { encrypt } from "@/lib/crypto/aead";
import { db } from "@/lib/db";
import { getBoss, stopBoss } from "@/lib/jobs/boss";
import { ensureQueue } from "@/lib/jobs/queues";
import { createProduct, createUser } from "@/test/factories";
import { cookieHeader, ctx, jsonRequest } from "@/test/http";
import { signedIn, signedInSeller } from "@/test/seller";

afterAll(async () => {
  await stopBoss();
});

const id = (v: string) => ctx({ id: v }) as never;
const setRole = (cookie: string, userId: string, body: unknown) =>
  userRoute.PATCH(jsonRequest(`/api/admin/users/${userId}`, { method: "PATCH", body, cookie }), id(userId));

describe("admin users", () => {
  it("lists users with decrypted emails; only admins may", async () => {
    const admin = await signedIn("ADMIN");
    const email = `listed-${randomUUID().slice(0, 8)}@example.com`;
    const u = await createUser({ emailEnc: encrypt(email) });
    const res = await usersRoute.GET(jsonRequest("/api/admin/users?role=BUYER", { cookie: admin.cookie }), ctx() as never);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.users.find((x: { id: string }) => x.id === u.id)).toMatchObject({ email, role: "BUYER" });
    expect(body.users.every((x: { role: string; emailEnc?: string }) => x.role === "BUYER" && x.emailEnc === undefined)).toBe(true);
    expect((await usersRoute.GET(jsonRequest("/api/admin/users?page=0", { cookie: admin.cookie }), ctx() as never)).status).toBe(400);
    const seller = await signedInSeller();
    expect((await usersRoute.GET(jsonRequest("/api/admin/users", { cookie: seller.cookie }), ctx() as never)).status).toBe(403);
    expect((await setRole(seller.cookie, u.id, { role: "ADMIN" })).status).toBe(403);
  });

  it("a buyer made a seller gets a shop and the seller area on their very next request", async () => {
    const admin = await signedIn("ADMIN");
    const buyer = await signedIn("BUYER");
    const before = await productsRoute.GET(jsonRequest("/api/seller/products", { cookie: buyer.cookie }), ctx() as never);
    expect(before.status).toBe(403); // the session (and its cached role) exists now
    const noShop = await setRole(admin.cookie, buyer.user.id, { role: "SELLER" });
    expect(noShop.status).toBe(422);
    expect((await noShop.json()).error.fields).toEqual({ shopName: ["required"] });
    const bad = await setRole(admin.cookie, buyer.user.id, { role: "KING" });
    expect((await bad.json()).error.fields).toEqual({ role: ["invalid"] });
    const ok = await setRole(admin.cookie, buyer.user.id, { role: "SELLER", shopName: "새 상점" });
    expect(ok.status).toBe(200);
    expect(await db.seller.findUnique({ where: { userId: buyer.user.id } })).toMatchObject({ shopName: "새 상점" });
    const after = await productsRoute.GET(jsonRequest("/api/seller/products", { cookie: buyer.cookie }), ctx() as never);
    expect(after.status).toBe(200);
  });

  it("an admin cannot remove their own admin role; unknown users are 404", async () => {
    const admin = await signedIn("ADMIN");
    expect((await setRole(admin.cookie, admin.user.id, { role: "BUYER" })).status).toBe(409);
    expect((await setRole(admin.cookie, randomUUID(), { role: "BUYER" })).status).toBe(404);
    expect((await setRole(admin.cookie, "nope", { role: "BUYER" })).status).toBe(404);
  });
});

describe("admin dead letters", () => {
  async function deadLetter() {
    const queue = `seller-test-${randomUUID().slice(0, 8)}`;
    const boss = await getBoss();
    await ensureQueue(boss, { queue });
    const marker = randomUUID();
    const dlId = await boss.send(`${queue}-dead`, { marker });
    return { queue, marker, dlId: dlId! };
  }
  const jobsIn = (queue: string, marker: string) =>
    db.$queryRaw<{ id: string; state: string }[]>`SELECT id::text, state::text FROM pgboss.job WHERE name = ${queue} AND data->>'marker' = ${marker}`;

  it("retry sends the job back to its queue and removes the dead letter; a second retry is 404", async () => {
    const admin = await signedIn("ADMIN");
    const { queue, marker, dlId } = await deadLetter();
    const res = await retryRoute.POST(jsonRequest(`/api/admin/dead-letters/${dlId}/retry`, { method: "POST", cookie: admin.cookie }), id(dlId));
    expect(res.status).toBe(200);
    expect((await res.json()).retried.queue).toBe(queue);
    expect(await jobsIn(queue, marker)).toEqual([expect.objectContaining({ state: "created" })]);
    expect(await jobsIn(`${queue}-dead`, marker)).toEqual([]);
    const again = await retryRoute.POST(jsonRequest(`/api/admin/dead-letters/${dlId}/retry`, { method: "POST", cookie: admin.cookie }), id(dlId));
    expect(again.status).toBe(404);
  });

  it("discard removes it without running it; buyers get 403", async () => {
    const admin = await signedIn("ADMIN");
    const buyer = await signedIn("BUYER");
    const { queue, marker, dlId } = await deadLetter();
    const req = (cookie: string) => jsonRequest(`/api/admin/dead-letters/${dlId}`, { method: "DELETE", cookie });
    expect((await deadLetterRoute.DELETE(req(buyer.cookie), id(dlId))).status).toBe(403);
    expect((await deadLetterRoute.DELETE(req(admin.cookie), id(dlId))).status).toBe(200);
    expect(await jobsIn(`${queue}-dead`, marker)).toEqual([]);
    expect(await jobsIn(queue, marker)).toEqual([]);
    expect((await deadLetterRoute.DELETE(req(admin.cookie), id(dlId))).status).toBe(404);
  });
});

describe("admin reconciliation reports", () => {
  it("lists drift rows newest first with product names", async () => {
    const admin = await signedIn("ADMIN");
    const p = await createProduct();
    await db.stockReconciliation.create({ data: { productId: p.id, redisAvailable: 12, pgAvailable: 10, repaired: true } });
    const res = await reconRoute.GET(jsonRequest("/api/admin/reconciliations", { cookie: admin.cookie }), ctx() as never);
    expect(res.status).toBe(200);
    const { reports } = await res.json();
    expect(reports.find((r: { productId: string }) => r.productId === p.id)).toMatchObject({ productName: p.name, redisAvailable: 12, pgAvailable: 10, repaired: true });
    const seller = cookieHeader(await mintSessionCookie((await signedInSeller()).seller.userId));
    expect((await reconRoute.GET(jsonRequest("/api/admin/reconciliations", { cookie: seller }), ctx() as never)).status).toBe(403);
  });
});
