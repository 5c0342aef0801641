// Publishing needs a verified shop email, through the real seller routes, sessions and PostgreSQL: an
// unverified seller may keep drafts but cannot make a product public, by creating it on sale, by
// switching a draft on or by bringing an archived product back; once verified, the same requests pass.
import { describe, expect, it } from "vitest";
import * as productRoute from "@/app/api/seller/products/[id]/route";
import * as productsRoute from "@/app/api/seller/products/route";
import { mintSessionCookie } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { createCategory, createProduct, createUser } from "@/test/factories";
import { cookieHeader, ctx, jsonRequest } from "@/test/http";

async function unverifiedSeller() {
  const user = await createUser({ role: "SELLER", emailVerifiedAt: null });
  const seller = await db.seller.create({ data: { userId: user.id, shopName: `미인증 상점 ${user.id.slice(0, 8)}` } });
  return { user, seller, cookie: cookieHeader(await mintSessionCookie(user.id)) };
}

const id = (v: string) => ctx({ id: v }) as never;
const patch = (cookie: string, productId: string, body: unknown) =>
  productRoute.PATCH(jsonRequest(`/api/seller/products/${productId}`, { method: "PATCH", body, cookie }), id(productId));
const statusOf = async (productId: string) => (await db.product.findUniqueOrThrow({ where: { id: productId } })).status;

describe("publishing needs a verified shop email", () => {
  it("refuses an unverified seller's publishing with EMAIL_NOT_VERIFIED and takes it once verified", async () => {
    const { user, seller, cookie } = await unverifiedSeller();
    const category = await createCategory();
    const body = { name: "미인증 머그컵", description: "아직 비공개", price: 12_000, categoryId: category.id, type: "NORMAL", units: 5 };

    const onSale = await productsRoute.POST(jsonRequest("/api/seller/products", { body, cookie }), ctx());
    expect(onSale.status).toBe(403);
    expect((await onSale.json()).error.code).toBe("EMAIL_NOT_VERIFIED");
    expect(await db.product.count({ where: { sellerId: seller.id } })).toBe(0);

    const draft = await productsRoute.POST(jsonRequest("/api/seller/products", { body: { ...body, status: "DRAFT" }, cookie }), ctx());
    expect(draft.status).toBe(201);
    const productId = (await draft.json()).product.id as string;
    const publish = await patch(cookie, productId, { status: "ACTIVE" });
    expect(publish.status).toBe(403);
    expect((await publish.json()).error.code).toBe("EMAIL_NOT_VERIFIED");
    expect(await statusOf(productId)).toBe("DRAFT");
    expect((await patch(cookie, productId, { price: 13_000 })).status).toBe(200); // editing a draft is fine

    const archived = await createProduct({ sellerId: seller.id, status: "ARCHIVED" });
    expect((await patch(cookie, archived.id, { status: "ACTIVE" })).status).toBe(403);
    expect(await statusOf(archived.id)).toBe("ARCHIVED");

    await db.user.update({ where: { id: user.id }, data: { emailVerifiedAt: new Date() } });
    expect((await patch(cookie, productId, { status: "ACTIVE" })).status).toBe(200);
    expect(await statusOf(productId)).toBe("ACTIVE");
    expect((await productsRoute.POST(jsonRequest("/api/seller/products", { body, cookie }), ctx())).status).toBe(201);
  });
});
