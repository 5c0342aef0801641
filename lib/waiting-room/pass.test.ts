// The pass is checked without I/O: these are the refusals the buy path gives before any Redis command.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signPass, verifyPass, type RoomPass } from "./pass";

const key = Buffer.alloc(32, 7);
const pass: RoomPass = { productId: randomUUID(), userId: randomUUID(), passId: "AbCdEfGh12345678", expiresMs: 1_900_000_000_000 };
const now = pass.expiresMs - 60_000;

describe("waiting-room pass", () => {
  it("verifies for its own account before it expires", () => {
    expect(verifyPass([key], signPass(key, pass), pass.userId, now)).toEqual(pass);
  });

  it("refuses another account (no transfer), another key (no forgery) and any altered part", () => {
    const token = signPass(key, pass);
    expect(verifyPass([key], token, randomUUID(), now)).toBe("PASS_INVALID");
    expect(verifyPass([Buffer.alloc(32, 8)], token, pass.userId, now)).toBe("PASS_INVALID");
    const parts = token.split(".");
    for (let i = 1; i < parts.length; i++) {
      const altered = [...parts];
      altered[i] = i === 4 ? String(Number(parts[4]) + 1) : parts[i].replace(/^./, (c) => (c === "a" ? "b" : "a"));
      expect(verifyPass([key], altered.join("."), pass.userId, now), `part ${i}`).toBe("PASS_INVALID");
    }
    // A pass re-signed by the client for a later expiry or another product needs the key it does not have.
    expect(verifyPass([key], signPass(Buffer.alloc(32, 9), { ...pass, expiresMs: pass.expiresMs + 1e6 }), pass.userId, now)).toBe("PASS_INVALID");
  });

  it("says expired only for a genuine pass past its time, and rejects garbage", () => {
    expect(verifyPass([key], signPass(key, pass), pass.userId, pass.expiresMs)).toBe("PASS_EXPIRED");
    expect(verifyPass([key], signPass(key, { ...pass, expiresMs: 1 }), pass.userId, now)).toBe("PASS_EXPIRED");
    for (const junk of ["", "p1", "p1.....", "x".repeat(300), `p2.${pass.productId}.${pass.userId}.AbCdEfGh12345678.1.sig`]) {
      expect(verifyPass([key], junk, pass.userId, now)).toBe("PASS_INVALID");
    }
  });
});
