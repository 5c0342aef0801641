// Real answers of the seller and admin routes (PostgreSQL, Redis, pg-boss, sessions, a disk store for
// uploads) held against the OpenAPI document: each route's success and at least one of its errors, with
// no field the document does not describe (test/openapi.ts).
import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as deadLetterRoute from "@/app/api/admin/dead-letters/[id]/route";
import * as retryRoute from "@/app/api/admin/dead-letters/[id]/retry/route";
import * as deadLettersRoute from "@/app/api/admin/dead-letters/route";
import * as reconRoute from "@/app/api/admin/reconciliations/route";
import * as userRoute from "@/app/api/admin/users/[id]/route";
import * as usersRoute from "@/app/api/admin/users/route";
import * as sellerOrderRoute from "@/app/api/seller/orders/[id]/route";
import * as sellerOrdersRoute from "@/app/api/seller/orders/route";
import * as monitorRoute from "@/app/api/seller/products/[id]/monitor/route";
import * as excludeRoute from "@/app/api/seller/products/[id]/orders/exclude/route";
import * as flagsRoute from "@/app/api/seller/products/[id]/orders/route";
import * as productRoute from "@/app/api/seller/products/[id]/route";
import * as stockRoute from "@/app/api/seller/products/[id]/stock/route";
import * as productsRoute from "@/app/api/seller/products/route";
import * as salesRoute from "@/app/api/seller/sales/route";
import * as uploadRoute from "@/app/api/seller/uploads/route";
import * as serveRoute from "@/app/api/uploads/[...path]/route";
import { db } from "@/lib/db";
import { getBoss, stopBoss } from "@/lib/jobs/boss";
import { ensureQueue } from "@/lib/jobs/queues";
import { setStorage } from "@/lib/storage";
import { LocalDiskStorage } from "@/lib/storage/local-disk";
import { createCategory, createProduct } from "@/test/factories";
import { ctx, jsonRequest, origin } from "@/test/http";
import { phonePhoto } from "@/test/images";
import { checkAnswer, expectConforms } from "@/test/openapi";
import { placeTestOrder } from "@/test/orders";
import { inSeconds, signedIn, signedInSeller } from "@/test/seller";
import { createBuyers } from "@/test/stock";
import { openApiDocument } from "./document";

const doc = openApiDocument();
const check = (path: string, method: string, res: Response) => checkAnswer(doc, path, method, res);
const none = ctx() as never;
const id = (v: string) => ctx({ id: v }) as never;

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "hu-openapi-uploads-"));
  setStorage(new LocalDiskStorage(root));
});
afterAll(async () => {
  setStorage(undefined);
  await rm(root, { recursive: true, force: true });
  await stopBoss();
});

describe("seller products", () => {
  it("create, list, read, edit, restock, monitor, flags, exclude and archive — with a 4xx for each", async () => {
    const { cookie } = await signedInSeller();
    const category = await createCategory();
    const req = (path: string, method = "GET", body?: unknown) => jsonRequest(path, { method, body, cookie });
    const body = { name: "문서 스니커즈", description: "한정판", price: 99_000, categoryId: category.id, type: "LIMITED", units: 5, saleStartsAt: inSeconds(3600), perBuyerLimit: 1, waitingRoom: true };
    const made = await check("/api/seller/products", "POST", await productsRoute.POST(req("/api/seller/products", "POST", body), none));
    expectConforms(made, 201);
    const pid = made.body.product.id as string;
    expectConforms(await check("/api/seller/products", "POST", await productsRoute.POST(req("/api/seller/products", "POST", { ...body, price: -1 }), none)), 422);
    expectConforms(await check("/api/seller/products", "GET", await productsRoute.GET(req("/api/seller/products"), none)), 200);
    const admin = await signedIn("ADMIN");
    const asAdmin = (query: string) => productsRoute.GET(jsonRequest(`/api/seller/products?${query}`, { cookie: admin.cookie }), none);
    expectConforms(await check("/api/seller/products", "GET", await asAdmin(`sellerId=${randomUUID()}`)), 404);
    expectConforms(await check("/api/seller/products", "GET", await asAdmin("sellerId=nope")), 400);

    expectConforms(await check("/api/seller/products/{id}", "GET", await productRoute.GET(req(`/api/seller/products/${pid}`), id(pid))), 200);
    const missing = randomUUID();
    expectConforms(await check("/api/seller/products/{id}", "GET", await productRoute.GET(req(`/api/seller/products/${missing}`), id(missing))), 404);
    expectConforms(await check("/api/seller/products/{id}", "PATCH", await productRoute.PATCH(req(`/api/seller/products/${pid}`, "PATCH", { price: 89_000 }), id(pid))), 200);
    expectConforms(await check("/api/seller/products/{id}", "PATCH", await productRoute.PATCH(req(`/api/seller/products/${pid}`, "PATCH", { price: "free" }), id(pid))), 422);
    const restocked = await check("/api/seller/products/{id}/stock", "POST", await stockRoute.POST(req(`/api/seller/products/${pid}/stock`, "POST", { add: 3 }), id(pid)));
    expectConforms(restocked, 200);
    expect(restocked.body.inventory).toEqual({ total: 8, available: 8, variant: null });
    expectConforms(await check("/api/seller/products/{id}/stock", "POST", await stockRoute.POST(req(`/api/seller/products/${pid}/stock`, "POST", { add: 0 }), id(pid))), 422);

    expectConforms(await check("/api/seller/products/{id}/monitor", "GET", await monitorRoute.GET(req(`/api/seller/products/${pid}/monitor`), id(pid))), 200);
    expectConforms(await check("/api/seller/products/{id}/monitor", "GET", await monitorRoute.GET(req(`/api/seller/products/${missing}/monitor`), id(missing))), 404);
    expectConforms(await check("/api/seller/products/{id}/orders", "GET", await flagsRoute.GET(req(`/api/seller/products/${pid}/orders`), id(pid))), 200);
    expectConforms(await check("/api/seller/products/{id}/orders", "GET", await flagsRoute.GET(req(`/api/seller/products/${missing}/orders`), id(missing))), 404);
    expectConforms(await check("/api/seller/products/{id}/orders/exclude", "POST", await excludeRoute.POST(req(`/api/seller/products/${pid}/orders/exclude`, "POST", {}), id(pid))), 200);
    expectConforms(await check("/api/seller/products/{id}/orders/exclude", "POST", await excludeRoute.POST(req(`/api/seller/products/${pid}/orders/exclude`, "POST", { orderIds: ["HU-not-in-this-drop"] }), id(pid))), 422);

    expectConforms(await check("/api/seller/products/{id}", "DELETE", await productRoute.DELETE(req(`/api/seller/products/${pid}`, "DELETE"), id(pid))), 200);
    expectConforms(await check("/api/seller/products/{id}", "DELETE", await productRoute.DELETE(req(`/api/seller/products/${missing}`, "DELETE"), id(missing))), 404);

    const buyer = await signedIn();
    expectConforms(await check("/api/seller/products", "GET", await productsRoute.GET(jsonRequest("/api/seller/products", { cookie: buyer.cookie }), none)), 403);
  });

  it("orders with the seller's lines, one order, sales; 400 for a bad filter, 404 for an order not theirs", async () => {
    const { seller, cookie } = await signedInSeller();
    const product = await createProduct({ sellerId: seller.id, price: 5_000 });
    const [buyerId] = await createBuyers(1);
    const orderId = await placeTestOrder(buyerId, [{ productId: product.id, quantity: 2 }]);
    const list = await check("/api/seller/orders", "GET", await sellerOrdersRoute.GET(jsonRequest("/api/seller/orders", { cookie }), none));
    expectConforms(list, 200);
    expect(list.body.orders[0]).toMatchObject({ id: orderId, subtotal: 10_000 });
    expectConforms(await check("/api/seller/orders", "GET", await sellerOrdersRoute.GET(jsonRequest("/api/seller/orders?status=LOST", { cookie }), none)), 400);
    expectConforms(await check("/api/seller/orders/{id}", "GET", await sellerOrderRoute.GET(jsonRequest(`/api/seller/orders/${orderId}`, { cookie }), id(orderId))), 200);
    const other = await signedInSeller();
    expectConforms(await check("/api/seller/orders/{id}", "GET", await sellerOrderRoute.GET(jsonRequest(`/api/seller/orders/${orderId}`, { cookie: other.cookie }), id(orderId))), 404);
    expectConforms(await check("/api/seller/sales", "GET", await salesRoute.GET(jsonRequest("/api/seller/sales?days=7", { cookie }), none)), 200);
    expectConforms(await check("/api/seller/sales", "GET", await salesRoute.GET(jsonRequest("/api/seller/sales?days=0", { cookie }), none)), 400);
  });

  it("uploads: 201 stored and served back as an image; 422 for a file that is no image, 404 for no such file", async () => {
    const { cookie } = await signedInSeller();
    const upload = (bytes: Uint8Array) => {
      const form = new FormData();
      form.append("file", new Blob([Buffer.from(bytes)], { type: "image/png" }), "photo.png");
      return uploadRoute.POST(new Request(`${origin}/api/seller/uploads`, { method: "POST", body: form, headers: { origin, cookie } }), none);
    };
    const stored = await check("/api/seller/uploads", "POST", await upload(await phonePhoto({ width: 40, height: 20, format: "png" })));
    expectConforms(stored, 201);
    expectConforms(await check("/api/seller/uploads", "POST", await upload(new TextEncoder().encode("not an image"))), 422);
    const path = (stored.body.upload.url as string).replace("/api/uploads/", "").split("/");
    const served = await serveRoute.GET(new Request(`${origin}${stored.body.upload.url}`), ctx({ path }) as never);
    expect(served.status).toBe(200); // an image, not JSON: the document gives its media type, checked here
    expect(served.headers.get("content-type")).toBe("image/png");
    expect(Object.keys((doc.paths as Record<string, any>)["/api/uploads/{path}"].get.responses[200].content)).toEqual(["image/*"]); // eslint-disable-line @typescript-eslint/no-explicit-any
    expectConforms(await check("/api/uploads/{path}", "GET", await serveRoute.GET(new Request(`${origin}/api/uploads/products/nope.png`), ctx({ path: ["products", "nope.png"] }) as never)), 404);
  });
});

describe("admin", () => {
  it("users: the page, a role changed, 400 for a bad page, 409 for one's own admin role, 404 for no such user", async () => {
    const admin = await signedIn("ADMIN");
    const buyer = await signedIn();
    const list = await check("/api/admin/users", "GET", await usersRoute.GET(jsonRequest("/api/admin/users?role=ADMIN", { cookie: admin.cookie }), none));
    expectConforms(list, 200);
    expect(list.body.users.length).toBeGreaterThan(0);
    expectConforms(await check("/api/admin/users", "GET", await usersRoute.GET(jsonRequest("/api/admin/users?page=0", { cookie: admin.cookie }), none)), 400);
    expectConforms(await check("/api/admin/users", "GET", await usersRoute.GET(jsonRequest("/api/admin/users", { cookie: buyer.cookie }), none)), 403);
    const setRole = (userId: string, body: unknown) => userRoute.PATCH(jsonRequest(`/api/admin/users/${userId}`, { method: "PATCH", body, cookie: admin.cookie }), id(userId));
    const changed = await check("/api/admin/users/{id}", "PATCH", await setRole(buyer.user.id, { role: "SELLER", shopName: "문서 상점" }));
    expectConforms(changed, 200);
    expect(changed.body.user).toEqual({ id: buyer.user.id, role: "SELLER" });
    expectConforms(await check("/api/admin/users/{id}", "PATCH", await setRole(admin.user.id, { role: "BUYER" })), 409);
    expectConforms(await check("/api/admin/users/{id}", "PATCH", await setRole(randomUUID(), { role: "BUYER" })), 404);
  });

  it("reconciliation reports and dead letters: listed, retried, discarded; 404 for a dead letter that is gone", async () => {
    const admin = await signedIn("ADMIN");
    const p = await createProduct();
    await db.stockReconciliation.create({ data: { productId: p.id, redisAvailable: 12, pgAvailable: 10, repaired: true } });
    const reports = await check("/api/admin/reconciliations", "GET", await reconRoute.GET(jsonRequest("/api/admin/reconciliations", { cookie: admin.cookie }), none));
    expectConforms(reports, 200);
    expect(reports.body.reports.length).toBeGreaterThan(0);

    const queue = `openapi-test-${randomUUID().slice(0, 8)}`;
    const boss = await getBoss();
    await ensureQueue(boss, { queue });
    const [one, two] = [await boss.send(`${queue}-dead`, { n: 1 }), await boss.send(`${queue}-dead`, { n: 2 })];
    const letters = await check("/api/admin/dead-letters", "GET", await deadLettersRoute.GET(jsonRequest(`/api/admin/dead-letters?queue=${queue}`, { cookie: admin.cookie }), none));
    expectConforms(letters, 200);
    expect(letters.body.items).toHaveLength(2);
    expectConforms(await check("/api/admin/dead-letters", "GET", await deadLettersRoute.GET(jsonRequest("/api/admin/dead-letters?pageSize=0", { cookie: admin.cookie }), none)), 400);
    const retry = (v: string) => retryRoute.POST(jsonRequest(`/api/admin/dead-letters/${v}/retry`, { method: "POST", cookie: admin.cookie }), id(v));
    const discard = (v: string) => deadLetterRoute.DELETE(jsonRequest(`/api/admin/dead-letters/${v}`, { method: "DELETE", cookie: admin.cookie }), id(v));
    expectConforms(await check("/api/admin/dead-letters/{id}/retry", "POST", await retry(one!)), 200);
    expectConforms(await check("/api/admin/dead-letters/{id}/retry", "POST", await retry(one!)), 404);
    expectConforms(await check("/api/admin/dead-letters/{id}", "DELETE", await discard(two!)), 200);
    expectConforms(await check("/api/admin/dead-letters/{id}", "DELETE", await discard(two!)), 404);
  });
});
