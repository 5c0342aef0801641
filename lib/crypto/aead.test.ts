import { randomBytes } from "node:crypto";
import { describe, expect, test } from "vitest";
import { decrypt, encrypt, needsRotation, parseKeyRing } from "./aead";

const k = () => randomBytes(32).toString("base64");
const ring = parseKeyRing(`new:${k()},old:${k()}`);

describe("AES-256-GCM personal data", () => {
  test("round trip, with Korean text, and a fresh IV every time", () => {
    const a = encrypt("홍길동 010-1234-5678", ring);
    const b = encrypt("홍길동 010-1234-5678", ring);
    expect(a).not.toBe(b);
    expect(a).not.toContain("홍길동");
    expect(decrypt(a, ring)).toBe("홍길동 010-1234-5678");
    expect(a.split(".")[1]).toBe("new");
  });

  test("detects tampering of the ciphertext, the tag, the IV and the key id", () => {
    const [v, id, iv, tag, data] = encrypt("서울특별시 강남구", ring).split(".");
    const flip = (s: string) => {
      const b = Buffer.from(s, "base64url");
      b[0] ^= 1;
      return b.toString("base64url");
    };
    expect(() => decrypt([v, id, iv, tag, flip(data)].join("."), ring)).toThrow();
    expect(() => decrypt([v, id, iv, flip(tag), data].join("."), ring)).toThrow();
    expect(() => decrypt([v, id, flip(iv), tag, data].join("."), ring)).toThrow();
    // Same bytes relabelled with the other key id: authenticated as AAD, so refused.
    expect(() => decrypt([v, "old", iv, tag, data].join("."), ring)).toThrow();
    expect(() => decrypt("garbage", ring)).toThrow("malformed");
  });

  test("rotation: values under an older key stay readable and are flagged for re-encryption", () => {
    const oldOnly = parseKeyRing(`old:${ring.keys.get("old")!.toString("base64")}`);
    const legacy = encrypt("이전 키", oldOnly);
    expect(decrypt(legacy, ring)).toBe("이전 키");
    expect(needsRotation(legacy, ring)).toBe(true);
    expect(needsRotation(encrypt("새 키", ring), ring)).toBe(false);
  });

  test("a value under an unknown key id is refused", () => {
    const other = parseKeyRing(`zzz:${k()}`);
    expect(() => decrypt(encrypt("x", other), ring)).toThrow("unknown encryption key id zzz");
  });

  test("keys must be 32 bytes", () => {
    expect(() => parseKeyRing(`a:${randomBytes(16).toString("base64")}`)).toThrow("32 bytes");
  });
});
