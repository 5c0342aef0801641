import { describe, expect, it } from "vitest";
import { DEVICE_COOKIE, deviceOf, readDevice, signDevice } from "./device";

const req = (cookie?: string) => ({ headers: { get: (n: string) => (n === "cookie" ? cookie ?? null : null) } });

describe("the room's device cookie", () => {
  it("reads back an id the server signed, and nothing else", () => {
    const id = "abcdefghijklmnopqrstuv";
    const value = signDevice(id);
    expect(readDevice(value)).toBe(id);
    const sig = value.split(".")[1];
    for (const bad of [
      `${"b"}${id.slice(1)}.${sig}`, // another id with this signature
      `${id}.${sig.slice(0, -1)}${sig.endsWith("A") ? "B" : "A"}`, // the last character's spare bits
      `${id}.${sig}.x`, id, "", `${id}.`, `../${id}.${sig}`,
    ]) expect(readDevice(bad)).toBeNull();
  });

  it("keeps a valid cookie and issues a new signed one (HttpOnly, long-lived, the room's path) when absent or forged", () => {
    const kept = deviceOf(req(`a=1; ${DEVICE_COOKIE}=${signDevice("abcdefghijklmnopqrstuv")}`));
    expect(kept).toEqual({ device: "abcdefghijklmnopqrstuv", setCookie: null });
    for (const cookie of [undefined, `${DEVICE_COOKIE}=forged.value`]) {
      const fresh = deviceOf(req(cookie));
      expect(fresh.setCookie).toMatch(new RegExp(`^${DEVICE_COOKIE}=${fresh.device}\\.[A-Za-z0-9_-]{22}; Path=/api/waiting-room; Max-Age=34560000; HttpOnly; SameSite=Lax`));
      expect(readDevice(fresh.setCookie!.split(";")[0].split("=")[1])).toBe(fresh.device);
    }
    expect(deviceOf(req()).device).not.toBe(deviceOf(req()).device);
  });
});
