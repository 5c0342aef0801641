// Entering a room through the real routes: the proof of work is bound to the buyer and the drop and
// accepted once; a signed-out caller is told to sign in; bad input is a 4xx with its field, never a 500.
import { randomUUID } from "node:crypto";
import { solveChallenge, type Challenge } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/pbkdf2";
import { afterEach, describe, expect, it } from "vitest";
import * as challengeRoute from "@/app/api/waiting-room/[productId]/challenge/route";
import * as enterRoute from "@/app/api/waiting-room/[productId]/enter/route";
import * as statusRoute from "@/app/api/waiting-room/[productId]/route";
import { mintSessionCookie } from "@/lib/auth/session";
import { clock } from "@/lib/clock";
import { createProduct, createUser } from "@/test/factories";
import { cookieHeader, ctx, jsonRequest } from "@/test/http";

afterEach(() => clock.setOffsetMs(0));

async function buyer() {
  const user = await createUser();
  return { user, cookie: cookieHeader(await mintSessionCookie(user.id)) };
}
const params = (productId: string) => ctx({ productId }) as never;

async function solved(productId: string, cookie: string): Promise<string> {
  const res = await challengeRoute.GET(jsonRequest(`/api/waiting-room/${productId}/challenge`, { cookie }), params(productId));
  expect(res.status).toBe(200);
  const challenge = (await res.json()) as Challenge;
  const solution = await solveChallenge({ challenge, deriveKey });
  return Buffer.from(JSON.stringify({ challenge, solution })).toString("base64");
}
const enter = (productId: string, cookie: string | undefined, body: unknown) =>
  enterRoute.POST(jsonRequest(`/api/waiting-room/${productId}/enter`, { cookie, body }), params(productId));

describe("entering a waiting room", () => {
  it("takes a place for a solved challenge, once; another buyer cannot use it; the status route shows the place", async () => {
    const p = await createProduct({ type: "LIMITED", units: 5, perBuyerLimit: 1, saleStartsAt: new Date(Date.now() + 5 * 60_000), waitingRoom: true, admissionRate: 1 });
    const [a, b] = [await buyer(), await buyer()];
    const payload = await solved(p.id, a.cookie);
    const ok = await enter(p.id, a.cookie, { altcha: payload });
    expect(ok.status).toBe(200);
    expect((await ok.json()).room).toMatchObject({ state: "prequeue", position: null });

    const replay = await enter(p.id, a.cookie, { altcha: payload });
    expect(replay.status).toBe(422);
    expect((await replay.json()).error.fields).toEqual({ altcha: ["used"] });
    const stolen = await enter(p.id, b.cookie, { altcha: await solved(p.id, a.cookie) });
    expect((await stolen.json()).error.fields).toEqual({ altcha: ["invalid"] });

    const status = await statusRoute.GET(jsonRequest(`/api/waiting-room/${p.id}`, { cookie: a.cookie }), params(p.id));
    const body = await status.json();
    expect(body.room).toMatchObject({ state: "prequeue", waiting: 1 });
    expect(typeof body.fingerprint).toBe("string");
    const outside = await statusRoute.GET(jsonRequest(`/api/waiting-room/${p.id}`, { cookie: b.cookie }), params(p.id));
    expect((await outside.json()).room.state).toBe("outside");
  });

  it("refuses signed-out callers, bad bodies and unknown drops with 4xx", async () => {
    const p = await createProduct({ type: "LIMITED", units: 5, perBuyerLimit: 1, saleStartsAt: new Date(Date.now() + 5 * 60_000), waitingRoom: true });
    const a = await buyer();
    expect((await enter(p.id, undefined, { altcha: "x" })).status).toBe(401);
    expect((await statusRoute.GET(jsonRequest(`/api/waiting-room/${p.id}`), params(p.id))).status).toBe(401);
    const missing = await enter(p.id, a.cookie, {});
    expect(missing.status).toBe(422);
    expect((await missing.json()).error.fields.altcha).toBeDefined();
    expect((await enter(p.id, a.cookie, { altcha: "bm90IGpzb24=" })).status).toBe(422);
    expect((await enter("not-a-uuid", a.cookie, { altcha: "x" })).status).toBe(404);
    const unknown = randomUUID();
    expect((await enter(unknown, a.cookie, { altcha: await solved(unknown, a.cookie) })).status).toBe(404);
  });
});
