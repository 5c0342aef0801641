// Account page operations through the API: profile edit, password change (revokes other sessions),
// deletion (personal data erased, orders kept anonymized, sessions revoked).
import { randomUUID } from "node:crypto";
import { describe, expect, test } from "vitest";
import * as meRoute from "@/app/api/me/route";
import * as passwordRoute from "@/app/api/me/password/route";
import * as usersRoute from "@/app/api/users/route";
import { mintSessionCookie } from "@/lib/auth/session";
import { encrypt } from "@/lib/crypto/aead";
import { emailIndex } from "@/lib/crypto/blind-index";
import { db } from "@/lib/db";
import { createAccount, signInViaAuthjs } from "@/test/accounts";
import { createProduct } from "@/test/factories";
import { cookieHeader, ctx, jsonRequest } from "@/test/http";

describe("profile", () => {
  test("read and edit; the address can be cleared; bad values are 422 per field", async () => {
    const { user, email } = await createAccount({ role: "SELLER" });
    const c = cookieHeader(await mintSessionCookie(user.id));
    const me = await (await meRoute.GET(jsonRequest("/api/me", { cookie: c }), ctx())).json();
    expect(me).toMatchObject({ id: user.id, email, name: "테스트 사용자", phone: "010-1234-5678", address: null, role: "SELLER", shopName: "테스트 상점" });

    const patched = await meRoute.PATCH(jsonRequest("/api/me", { method: "PATCH", cookie: c, body: { name: "새 이름", phone: "01099998888", address: "부산시 1", shopName: "새 상점" } }), ctx());
    expect(patched.status).toBe(200);
    expect(await patched.json()).toMatchObject({ name: "새 이름", phone: "010-9999-8888", address: "부산시 1", shopName: "새 상점" });
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.nameEnc).not.toContain("새 이름");

    const cleared = await meRoute.PATCH(jsonRequest("/api/me", { method: "PATCH", cookie: c, body: { address: null } }), ctx());
    expect((await cleared.json()).address).toBeNull();

    const bad = await meRoute.PATCH(jsonRequest("/api/me", { method: "PATCH", cookie: c, body: { name: "", phone: "123", role: "ADMIN" } }), ctx());
    expect(bad.status).toBe(422);
    expect(Object.keys((await bad.json()).error.fields).sort()).toEqual(["_", "name", "phone"].sort());
  });

  test("a buyer has no shop name to edit", async () => {
    const { user } = await createAccount();
    const c = cookieHeader(await mintSessionCookie(user.id));
    const res = await meRoute.PATCH(jsonRequest("/api/me", { method: "PATCH", cookie: c, body: { shopName: "x" } }), ctx());
    expect(res.status).toBe(422);
  });

  test("signed out: 401 on every method", async () => {
    expect((await meRoute.GET(jsonRequest("/api/me"), ctx())).status).toBe(401);
    expect((await meRoute.PATCH(jsonRequest("/api/me", { method: "PATCH", body: { name: "x" } }), ctx())).status).toBe(401);
    expect((await meRoute.DELETE(jsonRequest("/api/me", { method: "DELETE", body: { password: "x" } }), ctx())).status).toBe(401);
  });
});

describe("password change", () => {
  test("needs the current password, revokes every other session, keeps this one", async () => {
    const { user, email, password } = await createAccount();
    const here = (await signInViaAuthjs(email, password)).cookie!;
    const elsewhere = cookieHeader(await mintSessionCookie(user.id));
    const wrong = await passwordRoute.POST(jsonRequest("/api/me/password", { cookie: here, body: { currentPassword: "Nope!1234", newPassword: "Brand!new99" } }), ctx());
    expect(wrong.status).toBe(422);
    expect((await wrong.json()).error.fields).toEqual({ currentPassword: ["wrong_password"] });
    const weak = await passwordRoute.POST(jsonRequest("/api/me/password", { cookie: here, body: { currentPassword: password, newPassword: "weak" } }), ctx());
    expect(weak.status).toBe(422);
    expect((await meRoute.GET(jsonRequest("/api/me", { cookie: elsewhere }), ctx())).status).toBe(200);

    const ok = await passwordRoute.POST(jsonRequest("/api/me/password", { cookie: here, body: { currentPassword: password, newPassword: "Brand!new99" } }), ctx());
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ revoked: 1 });
    expect((await meRoute.GET(jsonRequest("/api/me", { cookie: elsewhere }), ctx())).status).toBe(401);
    expect((await meRoute.GET(jsonRequest("/api/me", { cookie: here }), ctx())).status).toBe(200);
    expect((await signInViaAuthjs(email, password)).cookie).toBeNull();
    expect((await signInViaAuthjs(email, "Brand!new99")).cookie).not.toBeNull();
  });
});

describe("account deletion", () => {
  test("needs the password; erases personal data, keeps orders anonymized, revokes sessions, frees the email", async () => {
    const { user, email, password } = await createAccount();
    await db.user.update({ where: { id: user.id }, data: { addressEnc: encrypt("서울시 비밀주소 1") } });
    const order = await db.order.create({
      data: { id: `ord_${randomUUID().slice(0, 12)}`, userId: user.id, amount: 12_000, orderName: "테스트 상품", idempotencyKey: randomUUID(), shippingAddressEnc: encrypt("서울시 비밀주소 1"), status: "EXPIRED" },
    });
    const c = (await signInViaAuthjs(email, password)).cookie!;
    const other = cookieHeader(await mintSessionCookie(user.id));
    const drop = await createProduct({ saleStartsAt: new Date(Date.now() + 3600_000) });
    await db.alertSubscription.create({ data: { key: `${user.id}:${drop.id}:OPENING:*`, userId: user.id, productId: drop.id, kind: "OPENING" } });

    const wrong = await meRoute.DELETE(jsonRequest("/api/me", { method: "DELETE", cookie: c, body: { password: "Nope!1234" } }), ctx());
    expect(wrong.status).toBe(422);
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ deletedAt: null });

    const res = await meRoute.DELETE(jsonRequest("/api/me", { method: "DELETE", cookie: c, body: { password } }), ctx());
    expect(res.status).toBe(204);
    expect(res.headers.get("set-cookie")).toMatch(/Max-Age=0/);

    const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row).toMatchObject({ emailHash: null, emailEnc: null, nameEnc: null, phoneEnc: null, addressEnc: null, passwordHash: null });
    expect(row.deletedAt).not.toBeNull();
    const kept = await db.order.findUniqueOrThrow({ where: { id: order.id } });
    expect(kept).toMatchObject({ userId: user.id, amount: 12_000, shippingAddressEnc: null });
    expect(await db.alertSubscription.count({ where: { userId: user.id } })).toBe(0); // nothing left to mail

    for (const cookie of [c, other]) expect((await meRoute.GET(jsonRequest("/api/me", { cookie }), ctx())).status).toBe(401);
    expect((await signInViaAuthjs(email, password)).cookie).toBeNull();
    // The address can sign up again as a new account.
    await usersRoute.POST(jsonRequest("/api/users", { body: { email, password: "Again!pass1", name: "재가입", phone: "010-1111-2222", agreeTerms: true, agreePrivacy: true, confirmAge14: true } }), ctx());
    const again = await db.user.findUniqueOrThrow({ where: { emailHash: emailIndex(email) } });
    expect(again.id).not.toBe(user.id);
  });
});
