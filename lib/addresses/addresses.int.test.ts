// The address book through the real route handlers, session cookies and PostgreSQL: add, list, edit,
// default, delete, the cap, validation with every field's code, someone else's entry as 404, and the
// personal fields encrypted at rest (the raw row holds no recipient, phone or address).
import { describe, expect, it } from "vitest";
import * as listRoute from "@/app/api/me/addresses/route";
import * as oneRoute from "@/app/api/me/addresses/[id]/route";
import * as defaultRoute from "@/app/api/me/addresses/[id]/default/route";
import { mintSessionCookie } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { HOME_INPUT } from "@/test/addresses";
import { createUser } from "@/test/factories";
import { cookieHeader, ctx, jsonRequest } from "@/test/http";
import { MAX_ADDRESSES } from "./schemas";

async function buyer() {
  const user = await createUser();
  return { user, cookie: cookieHeader(await mintSessionCookie(user.id)) };
}
const add = (cookie: string, body: unknown) => listRoute.POST(jsonRequest("/api/me/addresses", { method: "POST", body, cookie }), ctx() as never);
const list = async (cookie: string) => (await (await listRoute.GET(jsonRequest("/api/me/addresses", { cookie }), ctx() as never)).json()).addresses as { id: string; isDefault: boolean; recipient: string }[];
const put = (cookie: string, id: string, body: unknown) => oneRoute.PUT(jsonRequest(`/api/me/addresses/${id}`, { method: "PUT", body, cookie }), ctx({ id }) as never);
const del = (cookie: string, id: string) => oneRoute.DELETE(jsonRequest(`/api/me/addresses/${id}`, { method: "DELETE", cookie }), ctx({ id }) as never);
const makeDefault = (cookie: string, id: string) => defaultRoute.POST(jsonRequest(`/api/me/addresses/${id}/default`, { method: "POST", cookie }), ctx({ id }) as never);

describe("/api/me/addresses", () => {
  it("adds entries (the first is the default), lists the default first, edits, moves the default, deletes", async () => {
    const { cookie } = await buyer();
    const first = await add(cookie, HOME_INPUT);
    expect(first.status).toBe(201);
    const a = (await first.json()).address;
    expect(a).toMatchObject({ recipient: "김배송", phone: "+821012345678", postcode: "04524", isDefault: true });
    const b = (await (await add(cookie, { ...HOME_INPUT, recipient: "이회사", memo: "" })).json()).address;
    expect(b.isDefault).toBe(false);
    expect((await list(cookie)).map((x) => x.recipient)).toEqual(["김배송", "이회사"]);

    const edited = await put(cookie, b.id, { ...HOME_INPUT, recipient: "이회사2", isDefault: true });
    expect(edited.status).toBe(200);
    expect((await list(cookie)).map((x) => [x.recipient, x.isDefault])).toEqual([["이회사2", true], ["김배송", false]]);
    expect((await makeDefault(cookie, a.id)).status).toBe(200);
    expect((await list(cookie)).map((x) => x.isDefault)).toEqual([true, false]);

    // Deleting the default promotes the other entry: a non-empty book always has exactly one default.
    expect((await del(cookie, a.id)).status).toBe(204);
    expect(await list(cookie)).toEqual([expect.objectContaining({ id: b.id, isDefault: true })]);
  });

  it("keeps every personal field encrypted at rest", async () => {
    const { user, cookie } = await buyer();
    await add(cookie, HOME_INPUT);
    const [raw] = await db.$queryRaw<{ row: string }[]>`SELECT row_to_json(a)::text AS row FROM "Address" a WHERE "userId" = ${user.id}::uuid`;
    for (const plain of ["김배송", "1012345678", "04524", "세종대로", "301호", "문 앞"]) expect(raw.row).not.toContain(plain);
    expect(raw.row).toMatch(/"dataEnc":"v1\./);
  });

  it("answers 422 with every field's code, 409 at the cap, 404 for someone else's entry, 401 signed out", async () => {
    const { cookie } = await buyer();
    const bad = await add(cookie, { recipient: "", phone: "02-123-4567", postcode: "1234", address: "짧음", detail: "x".repeat(101), memo: "a\u0000b" });
    expect(bad.status).toBe(422);
    expect((await bad.json()).error.fields).toEqual({
      recipient: ["required"], phone: ["invalid_phone"], postcode: ["invalid_postcode"], address: ["address_too_short"], detail: ["too_long"], memo: ["invalid_characters"],
    });
    for (let i = 0; i < MAX_ADDRESSES; i++) expect((await add(cookie, HOME_INPUT)).status).toBe(201);
    const full = await add(cookie, HOME_INPUT);
    expect(full.status).toBe(409);
    expect((await full.json()).error.code).toBe("ADDRESS_BOOK_FULL");

    const [mine] = await list(cookie);
    const other = await buyer();
    expect((await put(other.cookie, mine.id, HOME_INPUT)).status).toBe(404);
    expect((await del(other.cookie, mine.id)).status).toBe(404);
    expect((await makeDefault(other.cookie, mine.id)).status).toBe(404);
    expect((await del(cookie, "not-a-uuid")).status).toBe(404);
    expect((await listRoute.GET(jsonRequest("/api/me/addresses"), ctx() as never)).status).toBe(401);
  });

  it("keeps one default when two entries are added at once", async () => {
    const { cookie } = await buyer();
    await Promise.all([add(cookie, HOME_INPUT), add(cookie, HOME_INPUT), add(cookie, HOME_INPUT)]);
    expect((await list(cookie)).filter((x) => x.isDefault)).toHaveLength(1);
  });
});
