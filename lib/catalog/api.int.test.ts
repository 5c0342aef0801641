// GET /api/products and GET /api/products/[id] through the real route handlers and PostgreSQL. Other test
// files share the database, so each case works inside a category (or a name token) of its own.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import * as productRoute from "@/app/api/products/[id]/route";
import * as productsRoute from "@/app/api/products/route";
import { db } from "@/lib/db";
import { createCategory, createProduct, createSeller } from "@/test/factories";
import { ctx, jsonRequest } from "@/test/http";

const list = async (qs: string) => {
  const res = await productsRoute.GET(jsonRequest(`/api/products?${qs}`), ctx() as never);
  return { status: res.status, body: await res.json() };
};
const names = (body: { items: { name: string }[] }) => body.items.map((p) => p.name);
const HOUR = 3_600_000;

let cat = "";
const token = `tok${randomUUID().slice(0, 8)}`;
let ids: Record<string, string> = {};

beforeAll(async () => {
  const seller = await createSeller();
  const category = await createCategory();
  cat = category.slug;
  const base = { sellerId: seller.id, categoryId: category.id };
  const t0 = Date.now() - 10 * HOUR;
  const make = async (name: string, price: number, units: number, ageH: number, extra: object = {}) =>
    (await createProduct({ ...base, name, price, units, createdAt: new Date(t0 + ageH * HOUR), ...extra })).id;
  ids = {
    apple: await make(`Apple ${token} Shoe`, 30_000, 5, 1),
    banana: await make("Banana Hoodie", 10_000, 0, 2),
    cherry: await make(`cherry ${token.toUpperCase()} mug`, 20_000, 3, 3),
    drop: await make("Drop Runner", 50_000, 10, 4, { type: "LIMITED", perBuyerLimit: 2, saleStartsAt: new Date(Date.now() + HOUR) }),
    ended: await make("Ended Parka", 40_000, 4, 5, { type: "LIMITED", perBuyerLimit: 1, saleStartsAt: new Date(Date.now() - 3 * HOUR), saleEndsAt: new Date(Date.now() - HOUR) }),
    draft: await make("Draft Lamp", 15_000, 9, 6, { status: "DRAFT" }),
  };
});

describe("GET /api/products", () => {
  it("lists only ACTIVE products of a category, newest first, with state and stock", async () => {
    const { status, body } = await list(`category=${cat}`);
    expect(status).toBe(200);
    expect(names(body)).toEqual(["Ended Parka", "Drop Runner", `cherry ${token.toUpperCase()} mug`, "Banana Hoodie", `Apple ${token} Shoe`]);
    expect(body).toMatchObject({ page: 1, pageSize: 12, total: 5, totalPages: 1 });
    const byName = Object.fromEntries(body.items.map((p: { name: string }) => [p.name, p]));
    expect(byName["Drop Runner"]).toMatchObject({ type: "LIMITED", state: "upcoming", remaining: 10, total: 10, perBuyerLimit: 2, price: 50_000 });
    expect(byName["Banana Hoodie"]).toMatchObject({ state: "sold_out", remaining: 0 });
    expect(byName["Ended Parka"]).toMatchObject({ state: "ended" });
    expect(byName["Drop Runner"].category).toMatchObject({ slug: cat });
  });

  it("pages through the results", async () => {
    const p1 = await list(`category=${cat}&pageSize=2&page=1`);
    const p2 = await list(`category=${cat}&pageSize=2&page=2`);
    const p3 = await list(`category=${cat}&pageSize=2&page=3`);
    expect(p1.body).toMatchObject({ total: 5, totalPages: 3 });
    expect([...names(p1.body), ...names(p2.body), ...names(p3.body)]).toEqual(names((await list(`category=${cat}`)).body));
    expect(names(p3.body)).toHaveLength(1);
    expect(names((await list(`category=${cat}&pageSize=2&page=4`)).body)).toEqual([]);
  });

  it("searches names case-insensitively", async () => {
    const { body } = await list(`q=${token.toLowerCase()}`);
    expect(names(body).sort()).toEqual([`Apple ${token} Shoe`, `cherry ${token.toUpperCase()} mug`]);
  });

  it("filters by type and availability", async () => {
    expect(names((await list(`category=${cat}&type=LIMITED`)).body)).toEqual(["Ended Parka", "Drop Runner"]);
    expect(names((await list(`category=${cat}&type=normal`)).body)).toHaveLength(3);
    // Available: units left and not ended (an upcoming drop still counts).
    expect(names((await list(`category=${cat}&available=1`)).body)).toEqual(["Drop Runner", `cherry ${token.toUpperCase()} mug`, `Apple ${token} Shoe`]);
  });

  it("sorts by price both ways", async () => {
    const asc = (await list(`category=${cat}&sort=price_asc`)).body.items.map((p: { price: number }) => p.price);
    const desc = (await list(`category=${cat}&sort=price_desc`)).body.items.map((p: { price: number }) => p.price);
    expect(asc).toEqual([10_000, 20_000, 30_000, 40_000, 50_000]);
    expect(desc).toEqual([...asc].reverse());
  });

  it("answers 400 naming the field for bad parameters", async () => {
    for (const [qs, field] of [["pageSize=500", "pageSize"], ["sort=bogus", "sort"], ["type=x", "type"], ["page=0", "page"], ["available=maybe", "available"]]) {
      const { status, body } = await list(qs);
      expect(status, qs).toBe(400);
      expect(Object.keys(body.error.fields), qs).toEqual([field]);
    }
    const both = await list("pageSize=500&sort=bogus");
    expect(Object.keys(both.body.error.fields).sort()).toEqual(["pageSize", "sort"]);
  });

  it("an unknown category is an empty page, not an error", async () => {
    expect((await list("category=no-such-category")).body).toMatchObject({ items: [], total: 0 });
  });
});

describe("GET /api/products/[id]", () => {
  const get = (id: string) => productRoute.GET(jsonRequest(`/api/products/${id}`), ctx({ id }) as never);

  it("answers one public product", async () => {
    const res = await get(ids.drop);
    expect(res.status).toBe(200);
    expect((await res.json()).product).toMatchObject({ id: ids.drop, name: "Drop Runner", state: "upcoming", images: ["/products/placeholder.svg"] });
  });

  it("404s unknown, malformed and non-public ids", async () => {
    expect((await get(randomUUID())).status).toBe(404);
    expect((await get("not-a-uuid")).status).toBe(404);
    expect((await get(ids.draft)).status).toBe(404);
    expect(await db.product.count({ where: { id: ids.draft } })).toBe(1);
  });
});
