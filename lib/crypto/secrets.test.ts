// Rotating AUTH_SECRET: what the old secret signed — a session cookie, an unsubscribe link, the waiting
// room's device cookie and pass — is still accepted while the old secret is listed in AUTH_SECRET_PREVIOUS,
// new ones are signed with the new secret only, and dropping the old secret from the list ends them.
// lib/env.ts reads the environment once, so each server generation is the modules loaded afresh.
import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { stubEnvs } from "@/test/env";

const OLD = "old-secret-rotated-out-0123456789abcdef";
const NEW = "new-secret-rotated-in-0123456789abcdefgh";

type Ids = { user: string; session: string; alert: string; device: string; product: string; pass: string };
type Signed = { session: string; unsubscribe: string; device: string; pass: string };

async function server(vars: { AUTH_SECRET: string; AUTH_SECRET_PREVIOUS?: string }) {
  stubEnvs({ AUTH_SECRET_PREVIOUS: "", ...vars });
  vi.resetModules();
  const [cookie, alerts, device, pass, config] = await Promise.all([
    import("@/lib/auth/cookie"),
    import("@/lib/alerts/token"),
    import("@/lib/waiting-room/device"),
    import("@/lib/waiting-room/pass"),
    import("@/lib/waiting-room/config"),
  ]);
  return {
    /** What this server signs: one of each. */
    async sign(ids: Ids): Promise<Signed> {
      return {
        session: await cookie.encodeSessionToken({ sub: ids.user, sid: ids.session }),
        unsubscribe: alerts.unsubscribeToken(ids.alert),
        device: device.signDevice(ids.device),
        pass: pass.signPass(config.passKey, { productId: ids.product, userId: ids.user, passId: ids.pass, expiresMs: Date.now() + 60_000 }),
      };
    },
    /** What this server reads back from each (null where it refuses). */
    read(signed: Signed, ids: Ids) {
      const checked = pass.verifyPass(config.passKeys, signed.pass, ids.user, Date.now());
      return {
        session: cookie.decodeSessionToken(signed.session)?.sid ?? null,
        unsubscribe: alerts.alertIdOfToken(signed.unsubscribe),
        device: device.readDevice(signed.device),
        pass: typeof checked === "string" ? null : checked.passId,
      };
    },
  };
}

const ids = (): Ids => ({ user: randomUUID(), session: randomUUID(), alert: randomUUID(), device: "d".repeat(22), product: randomUUID(), pass: "pass-0001" });
const accepted = (i: Ids) => ({ session: i.session, unsubscribe: i.alert, device: i.device, pass: i.pass });
const refused = { session: null, unsubscribe: null, device: null, pass: null };

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

describe("rotating AUTH_SECRET", () => {
  it("keeps what the old secret signed while it is listed, signs anew with the new one, and ends the old with the list", async () => {
    const before = ids();
    const signedBefore = await (await server({ AUTH_SECRET: OLD })).sign(before);

    const rotated = await server({ AUTH_SECRET: NEW, AUTH_SECRET_PREVIOUS: OLD });
    expect(rotated.read(signedBefore, before)).toEqual(accepted(before));
    const after = ids();
    const signedAfter = await rotated.sign(after);
    expect(rotated.read(signedAfter, after)).toEqual(accepted(after));

    // New tokens are the new secret's: a server that knows only the old one refuses them.
    expect((await server({ AUTH_SECRET: OLD })).read(signedAfter, after)).toEqual(refused);

    // The old secret dropped: what it signed is refused, what the new one signed still holds.
    const done = await server({ AUTH_SECRET: NEW });
    expect(done.read(signedBefore, before)).toEqual(refused);
    expect(done.read(signedAfter, after)).toEqual(accepted(after));
  });

  it("does not accept a token signed with a secret never listed", async () => {
    const i = ids();
    const foreign = await (await server({ AUTH_SECRET: "foreign-secret-never-listed-0123456789ab" })).sign(i);
    expect((await server({ AUTH_SECRET: NEW, AUTH_SECRET_PREVIOUS: OLD })).read(foreign, i)).toEqual(refused);
  });

  it("reads a comma-separated list and refuses a short earlier secret", async () => {
    stubEnvs({ AUTH_SECRET: NEW, AUTH_SECRET_PREVIOUS: ` ${OLD}, ${"x".repeat(32)} ,` });
    vi.resetModules();
    expect((await import("@/lib/crypto/secrets")).authSecrets).toEqual([NEW, OLD, "x".repeat(32)]);
    stubEnvs({ AUTH_SECRET_PREVIOUS: "too-short" });
    vi.resetModules();
    await expect(import("@/lib/env")).rejects.toThrow(/AUTH_SECRET_PREVIOUS/);
  });
});
