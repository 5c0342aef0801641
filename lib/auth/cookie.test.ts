import { hkdfSync } from "node:crypto";
import { base64url, calculateJwkThumbprint, EncryptJWT, jwtDecrypt } from "jose";
import { encode } from "next-auth/jwt";
import { env } from "@/lib/env";
import { describe, expect, test } from "vitest";
import { cookieValue, decodeSessionToken, encodeSessionToken, readSessionCookie, sessionCookieName } from "./cookie";

const SECRET = env.AUTH_SECRET;

describe("session cookie", () => {
  test("round trip carries only the user and session ids", async () => {
    const token = await encodeSessionToken({ sub: "u1", sid: "s1" });
    expect(decodeSessionToken(token)).toEqual({ sub: "u1", sid: "s1" });
  });
  test("tampered, foreign-secret, wrong-salt and expired tokens are refused", async () => {
    const token = await encodeSessionToken({ sub: "u1", sid: "s1" });
    const i = token.length - 10;
    const tampered = token.slice(0, i) + (token[i] === "A" ? "B" : "A") + token.slice(i + 1);
    expect(decodeSessionToken(tampered)).toBeNull();
    const foreign = await encode({ token: { sub: "u1", sid: "s1" }, secret: "another-secret-that-is-long-enough-000", salt: sessionCookieName });
    expect(decodeSessionToken(foreign)).toBeNull();
    expect(decodeSessionToken(await encode({ token: { sub: "u1", sid: "s1" }, secret: "dev-only-auth-secret-change-me-0123456789", salt: "other" }))).toBeNull();
    expect(decodeSessionToken(await encodeSessionToken({ sub: "u1", sid: "s1" }, -60))).toBeNull();
    expect(decodeSessionToken("")).toBeNull();
    expect(decodeSessionToken("not.a.jwt")).toBeNull();
  });
  test("a token without a session id is refused", async () => {
    const noSid = await encode({ token: { sub: "u1" }, secret: "dev-only-auth-secret-change-me-0123456789", salt: sessionCookieName });
    expect(decodeSessionToken(noSid)).toBeNull();
  });
  test("agrees with jose's jwtDecrypt on Auth.js's own tokens, and reads A256GCM tokens too", async () => {
    const token = await encodeSessionToken({ sub: "u2", sid: "s2" });
    const key = new Uint8Array(hkdfSync("sha256", SECRET, sessionCookieName, `Auth.js Generated Encryption Key (${sessionCookieName})`, 64));
    const { payload, protectedHeader } = await jwtDecrypt(token, key);
    expect(protectedHeader).toMatchObject({ alg: "dir", enc: "A256CBC-HS512" });
    expect(decodeSessionToken(token)).toEqual({ sub: payload.sub, sid: payload.sid });
    const gcmKey = new Uint8Array(hkdfSync("sha256", SECRET, sessionCookieName, `Auth.js Generated Encryption Key (${sessionCookieName})`, 32));
    const kid = await calculateJwkThumbprint({ kty: "oct", k: base64url.encode(gcmKey) }, "sha256");
    const gcm = await new EncryptJWT({ sub: "u3", sid: "s3" }).setProtectedHeader({ alg: "dir", enc: "A256GCM", kid }).setIssuedAt().setExpirationTime("1h").encrypt(gcmKey);
    expect(decodeSessionToken(gcm)).toEqual({ sub: "u3", sid: "s3" });
  });
  test("refuses a wrong kid, a token not yet valid, a changed header and a foreign algorithm", async () => {
    const key = new Uint8Array(hkdfSync("sha256", SECRET, sessionCookieName, `Auth.js Generated Encryption Key (${sessionCookieName})`, 64));
    const make = (header: Record<string, string>, nbf?: number) => {
      const jwt = new EncryptJWT({ sub: "u4", sid: "s4" }).setProtectedHeader({ alg: "dir", enc: "A256CBC-HS512", ...header }).setExpirationTime("1h");
      return (nbf ? jwt.setNotBefore(nbf) : jwt).encrypt(key);
    };
    expect(decodeSessionToken(await make({}))).toEqual({ sub: "u4", sid: "s4" });
    expect(decodeSessionToken(await make({ kid: "someone-elses-key" }))).toBeNull();
    expect(decodeSessionToken(await make({}, Math.floor(Date.now() / 1000) + 3600))).toBeNull();
    const token = await make({});
    const [, ...rest] = token.split(".");
    const otherHeader = Buffer.from(JSON.stringify({ alg: "dir", enc: "A256CBC-HS512", x: 1 })).toString("base64url");
    expect(decodeSessionToken([otherHeader, ...rest].join("."))).toBeNull(); // the header is the AAD
    const rsa = Buffer.from(JSON.stringify({ alg: "RSA-OAEP", enc: "A256CBC-HS512" })).toString("base64url");
    expect(decodeSessionToken([rsa, ...rest].join("."))).toBeNull();
  });
  test("a remembered token answers only for itself: another token with its tag is decrypted, and refused", async () => {
    const token = await encodeSessionToken({ sub: "u5", sid: "s5" });
    expect(decodeSessionToken(token)).toEqual({ sub: "u5", sid: "s5" }); // now remembered, found by its tag
    const [header, key, iv, ciphertext, tag] = token.split(".");
    const flipped = Buffer.from(ciphertext, "base64url");
    flipped[0] ^= 1;
    expect(decodeSessionToken([header, key, iv, flipped.toString("base64url"), tag].join("."))).toBeNull();
    const otherHeader = Buffer.from(JSON.stringify({ alg: "dir", enc: "A256CBC-HS512", x: 1 })).toString("base64url");
    expect(decodeSessionToken([otherHeader, key, iv, ciphertext, tag].join("."))).toBeNull();
    expect(decodeSessionToken(token)).toEqual({ sub: "u5", sid: "s5" });
  });
  test("reads whole and chunked cookies from a Cookie header", () => {
    expect(readSessionCookie(`a=1; ${sessionCookieName}=abc; b=2`)).toBe("abc");
    expect(readSessionCookie(`${sessionCookieName}.1=def; ${sessionCookieName}.0=abc`)).toBe("abcdef");
    expect(readSessionCookie("a=1")).toBeNull();
    expect(readSessionCookie(null)).toBeNull();
  });
  test("finds a cookie by its exact name only, and decodes it only when encoded", () => {
    expect(cookieValue(`x${sessionCookieName}=no; ${sessionCookieName}=yes`, sessionCookieName)).toBe("yes");
    expect(cookieValue(`${sessionCookieName}.0=chunk;${sessionCookieName} = spaced `, sessionCookieName)).toBe("spaced");
    expect(cookieValue(`a=${sessionCookieName}; b=2`, sessionCookieName)).toBeNull();
    expect(cookieValue("t=a%2Bb%3D", "t")).toBe("a+b=");
    expect(cookieValue("t=%E0%A4%A", "t")).toBe("%E0%A4%A"); // malformed escapes stay as sent
    expect(cookieValue("first=1; t=", "t")).toBe("");
  });
});
