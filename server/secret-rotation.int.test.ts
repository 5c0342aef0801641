// Rotating AUTH_SECRET on the production server (server/index.ts on the production build): this test
// process signs with the secret the servers are rotated away from (its own AUTH_SECRET). A server given a
// new AUTH_SECRET with the old one in AUTH_SECRET_PREVIOUS keeps the buyer signed in — on the guarded routes
// (lib/auth/cookie.ts) and in Auth.js's own session endpoint, which seals the session again under the new
// secret — and honours a mailed unsubscribe link; a server without the old secret refuses both.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { unsubscribeToken } from "@/lib/alerts/token";
import { mintSessionCookie } from "@/lib/auth/session";
import { sessionCookieName } from "@/lib/auth/cookie";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { createProduct, createUser } from "@/test/factories";
import { cookieHeader } from "@/test/http";
import { startProductionServer, type ProductionServer } from "@/test/production-server";

const NEW = "rotated-in-secret-for-this-test-0123456789";

let rotated: ProductionServer;
let withoutOld: ProductionServer;

beforeAll(async () => {
  [rotated, withoutOld] = await Promise.all([
    startProductionServer({ AUTH_SECRET: NEW, AUTH_SECRET_PREVIOUS: env.AUTH_SECRET }),
    startProductionServer({ AUTH_SECRET: NEW, AUTH_SECRET_PREVIOUS: "" }),
  ]);
});
afterAll(() => Promise.all([rotated?.stop(), withoutOld?.stop()]));

/** A guarded route: the buyer's own sessions. */
const me = (server: ProductionServer, cookie: string) => fetch(`${server.base}/api/me/sessions`, { headers: { cookie } });

/** The session cookie a response sets, as a Cookie header (Auth.js may split a large one into .0, .1, …). */
function setSessionCookie(res: Response): string | null {
  const parts = res.headers.getSetCookie().map((c) => c.split(";")[0]).filter((c) => c.startsWith(sessionCookieName));
  return parts.length ? parts.join("; ") : null;
}

describe("a server rotated to a new AUTH_SECRET", () => {
  it("keeps a session signed with the old secret while it is listed, and Auth.js seals it again with the new one", async () => {
    const buyer = await createUser({ emailVerifiedAt: new Date() });
    const cookie = cookieHeader(await mintSessionCookie(buyer.id));

    expect((await me(rotated, cookie)).status).toBe(200);
    expect((await me(withoutOld, cookie)).status).toBe(401);

    const session = await fetch(`${rotated.base}/api/auth/session`, { headers: { cookie } });
    // Auth.js answers null for a cookie it cannot open; a session (it carries no personal data) otherwise.
    expect(await session.json()).toMatchObject({ expires: expect.any(String) });
    const resealed = setSessionCookie(session);
    expect(resealed).not.toBeNull();
    // The resealed cookie is the new secret's: the server that no longer knows the old one takes it.
    expect((await me(withoutOld, resealed!)).status).toBe(200);
  });

  it("honours an unsubscribe link mailed before the rotation while the old secret is listed", async () => {
    const [buyer, product] = await Promise.all([createUser({ emailVerifiedAt: new Date() }), createProduct()]);
    const alert = await db.alertSubscription.create({ data: { key: `${buyer.id}:${product.id}:OPENING:*`, userId: buyer.id, productId: product.id, kind: "OPENING" } });
    const unsubscribe = (server: ProductionServer) =>
      fetch(`${server.base}/api/alerts/unsubscribe`, { method: "POST", headers: { "content-type": "application/json", origin: server.base }, body: JSON.stringify({ token: unsubscribeToken(alert.id) }) });

    expect((await unsubscribe(withoutOld)).status).toBe(404);
    expect((await db.alertSubscription.findUniqueOrThrow({ where: { id: alert.id } })).cancelledAt).toBeNull();
    expect((await unsubscribe(rotated)).status).toBe(200);
    expect((await db.alertSubscription.findUniqueOrThrow({ where: { id: alert.id } })).cancelledAt).not.toBeNull();
  });
});
