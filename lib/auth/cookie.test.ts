import { encode } from "next-auth/jwt";
import { describe, expect, test } from "vitest";
import { decodeSessionToken, encodeSessionToken, readSessionCookie, sessionCookieName } from "./cookie";

describe("session cookie", () => {
  test("round trip carries only the user and session ids", async () => {
    const token = await encodeSessionToken({ sub: "u1", sid: "s1" });
    expect(await decodeSessionToken(token)).toEqual({ sub: "u1", sid: "s1" });
  });
  test("tampered, foreign-secret, wrong-salt and expired tokens are refused", async () => {
    const token = await encodeSessionToken({ sub: "u1", sid: "s1" });
    const i = token.length - 10;
    const tampered = token.slice(0, i) + (token[i] === "A" ? "B" : "A") + token.slice(i + 1);
    expect(await decodeSessionToken(tampered)).toBeNull();
    const foreign = await encode({ token: { sub: "u1", sid: "s1" }, secret: "another-secret-that-is-long-enough-000", salt: sessionCookieName });
    expect(await decodeSessionToken(foreign)).toBeNull();
    expect(await decodeSessionToken(await encode({ token: { sub: "u1", sid: "s1" }, secret: "dev-only-auth-secret-change-me-0123456789", salt: "other" }))).toBeNull();
    expect(await decodeSessionToken(await encodeSessionToken({ sub: "u1", sid: "s1" }, -60))).toBeNull();
    expect(await decodeSessionToken("")).toBeNull();
    expect(await decodeSessionToken("not.a.jwt")).toBeNull();
  });
  test("a token without a session id is refused", async () => {
    const noSid = await encode({ token: { sub: "u1" }, secret: "dev-only-auth-secret-change-me-0123456789", salt: sessionCookieName });
    expect(await decodeSessionToken(noSid)).toBeNull();
  });
  test("reads whole and chunked cookies from a Cookie header", () => {
    expect(readSessionCookie(`a=1; ${sessionCookieName}=abc; b=2`)).toBe("abc");
    expect(readSessionCookie(`${sessionCookieName}.1=def; ${sessionCookieName}.0=abc`)).toBe("abcdef");
    expect(readSessionCookie("a=1")).toBeNull();
    expect(readSessionCookie(null)).toBeNull();
  });
});
