// The caps on places per drop, against real Redis and PostgreSQL: per device cookie and per client address
// range (IPv4 /24, IPv6 /64), enforced inside the ROOM script — concurrent entries racing a cap, a refresh
// that keeps its place without counting twice, per-drop settings and the deployment's defaults — and through
// the real enter route: the device cookie issued when absent or forged, and the 403 codes the page shows.
import { randomUUID } from "node:crypto";
import { solveChallenge, type Challenge } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/pbkdf2";
import { afterEach, describe, expect, it } from "vitest";
import * as challengeRoute from "@/app/api/waiting-room/[productId]/challenge/route";
import * as enterRoute from "@/app/api/waiting-room/[productId]/enter/route";
import { mintSessionCookie } from "@/lib/auth/session";
import { clock } from "@/lib/clock";
import { createProduct, createUser } from "@/test/factories";
import { cookieHeader, ctx, jsonRequest } from "@/test/http";
import { roomConfig } from "./config";
import { DEVICE_COOKIE } from "./device";
import { getRoomMonitor } from "./monitor";
import { readRoom, type RoomClient } from "./room";

afterEach(() => clock.setOffsetMs(0));

type Caps = { roomDeviceCap?: number | null; roomRangeCap?: number | null };
const drop = (caps: Caps, opensInMs = 10 * 60_000) =>
  createProduct({ type: "LIMITED", units: 50, perBuyerLimit: 1, saleStartsAt: new Date(Date.now() + opensInMs), waitingRoom: true, admissionRate: 1, preQueueMinutes: 15, ...caps });
const person = () => ({ id: randomUUID() });
const enter = async (productId: string, client: RoomClient, buyer = person()) => (await readRoom(productId, buyer, "enter", undefined, client)).state;
const net = (n: number) => `198.51.${n}.0/24`;

describe("the cap per device", () => {
  it("lets one device take its cap of places; a refresh or second tab keeps the place and is not counted again", async () => {
    const p = await drop({ roomDeviceCap: 2, roomRangeCap: 0 });
    const device = randomUUID();
    const [a, b, c] = [person(), person(), person()];
    expect(await enter(p.id, { device, range: net(1) }, a)).toBe("prequeue");
    for (let i = 0; i < 3; i++) expect(await enter(p.id, { device, range: net(1) }, a)).toBe("prequeue"); // refreshes
    expect(await enter(p.id, { device, range: net(1) }, b)).toBe("prequeue"); // would be refused had a refresh counted
    expect(await enter(p.id, { device, range: net(1) }, c)).toBe("device_full");
    expect(await enter(p.id, { device, range: net(1) }, b)).toBe("prequeue"); // b still holds its place
    expect(await enter(p.id, { device: randomUUID(), range: net(1) }, c)).toBe("prequeue"); // another device
    expect(await getRoomMonitor(p.id)).toMatchObject({ queued: 3 });
    // A refused identity was not let in: its status is outside, and the status poll never counts.
    expect((await readRoom(p.id, person(), "status", undefined, { device, range: net(1) })).state).toBe("outside");
  });

  it("holds under concurrent entries: 12 people on one device at once get exactly the cap", async () => {
    const p = await drop({ roomDeviceCap: 3, roomRangeCap: 0 });
    const device = randomUUID();
    const states = await Promise.all(Array.from({ length: 12 }, () => enter(p.id, { device, range: net(2) })));
    expect(states.filter((s) => s === "prequeue")).toHaveLength(3);
    expect(states.filter((s) => s === "device_full")).toHaveLength(9);
    expect(await getRoomMonitor(p.id)).toMatchObject({ queued: 3 });
  });

  it("uses the deployment's default (WAITING_ROOM_DEVICE_CAP) for a drop that keeps it, also after the opening", async () => {
    const p = await drop({ roomRangeCap: 0 }, 1000);
    clock.setOffsetMs(2000); // opened: new places are first come, first served; the cap is the same
    const device = randomUUID();
    const states: string[] = [];
    for (let i = 0; i < roomConfig.deviceCap + 2; i++) states.push(await enter(p.id, { device, range: net(3) }));
    expect(states.slice(0, roomConfig.deviceCap).every((s) => s === "waiting" || s === "admitted")).toBe(true);
    expect(states.slice(roomConfig.deviceCap)).toEqual(["device_full", "device_full"]);
  });
});

describe("the cap per address range", () => {
  it("lets one range take its cap of places whatever the devices; other ranges and 0 (no cap) are unaffected", async () => {
    const p = await drop({ roomRangeCap: 3, roomDeviceCap: 0 });
    const states: string[] = [];
    for (let i = 0; i < 5; i++) states.push(await enter(p.id, { device: randomUUID(), range: net(4) }));
    expect(states).toEqual(["prequeue", "prequeue", "prequeue", "range_full", "range_full"]);
    expect(await enter(p.id, { device: randomUUID(), range: net(5) })).toBe("prequeue");
    expect(await enter(p.id, { device: randomUUID(), range: null })).toBe("prequeue"); // unknown address: not capped

    const open = await drop({ roomRangeCap: 0, roomDeviceCap: 0 });
    const all = await Promise.all(Array.from({ length: 40 }, () => enter(open.id, { device: randomUUID(), range: net(6) })));
    expect(all.every((s) => s === "prequeue")).toBe(true);
  });

  it("holds under concurrent entries: 30 fleet accounts on one /24 at once get exactly the cap", async () => {
    const p = await drop({ roomRangeCap: 5, roomDeviceCap: 0 });
    const states = await Promise.all(Array.from({ length: 30 }, () => enter(p.id, { device: randomUUID(), range: net(7) })));
    expect(states.filter((s) => s === "prequeue")).toHaveLength(5);
    expect(states.filter((s) => s === "range_full")).toHaveLength(25);
    expect(await getRoomMonitor(p.id)).toMatchObject({ queued: 5 });
  });

  it("a refusal by one cap counts against neither", async () => {
    const p = await drop({ roomRangeCap: 2, roomDeviceCap: 2 });
    const device = randomUUID();
    expect(await enter(p.id, { device, range: net(8) })).toBe("prequeue");
    expect(await enter(p.id, { device: randomUUID(), range: net(8) })).toBe("prequeue");
    expect(await enter(p.id, { device, range: net(8) })).toBe("range_full"); // the device is not charged for it
    expect(await enter(p.id, { device, range: net(9) })).toBe("prequeue"); // its second place, elsewhere
    expect(await enter(p.id, { device, range: net(10) })).toBe("device_full");
    expect(await enter(p.id, { device: randomUUID(), range: net(10) })).toBe("prequeue"); // nor is the range charged
  });
});

describe("the enter route", () => {
  async function buyer() {
    const user = await createUser();
    return cookieHeader(await mintSessionCookie(user.id));
  }
  const params = (productId: string) => ctx({ productId }) as never;
  async function solved(productId: string, cookie: string): Promise<string> {
    const res = await challengeRoute.GET(jsonRequest(`/api/waiting-room/${productId}/challenge`, { cookie }), params(productId));
    const challenge = (await res.json()) as Challenge;
    return Buffer.from(JSON.stringify({ challenge, solution: await solveChallenge({ challenge, deriveKey }) })).toString("base64");
  }
  const post = async (productId: string, session: string, opts: { device?: string; ip?: string } = {}) =>
    enterRoute.POST(jsonRequest(`/api/waiting-room/${productId}/enter`, {
      body: { altcha: await solved(productId, session) },
      cookie: opts.device ? `${session}; ${DEVICE_COOKIE}=${opts.device}` : session,
      headers: opts.ip ? { "x-forwarded-for": opts.ip } : {},
    }), params(productId));
  const issued = (res: Response) => /^hu_room_device=([^;]+);/.exec(res.headers.get("set-cookie") ?? "")?.[1];

  it("issues a signed device cookie when there is none (or a forged one) and counts the issued one against the cap: 403 ROOM_DEVICE_CAP", async () => {
    const p = await drop({ roomDeviceCap: 2, roomRangeCap: 0 });
    const first = await post(p.id, await buyer());
    expect(first.status).toBe(200);
    const setCookie = first.headers.get("set-cookie")!;
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/Path=\/api\/waiting-room/);
    expect(setCookie).toMatch(/Max-Age=\d{7,}/);
    const device = issued(first)!;
    const second = await post(p.id, await buyer(), { device });
    expect(second.status).toBe(200);
    expect(second.headers.get("set-cookie")).toBeNull(); // a valid cookie is kept, not replaced
    const third = await post(p.id, await buyer(), { device });
    expect(third.status).toBe(403);
    expect((await third.json()).error).toMatchObject({ code: "ROOM_DEVICE_CAP", cap: "device" });
    // A forged or altered cookie does not name a device: a new one is issued (and counted).
    const forged = await post(p.id, await buyer(), { device: `${device.startsWith("A") ? "B" : "A"}${device.slice(1)}` }); // another id, the old signature
    expect(forged.status).toBe(200);
    expect(issued(forged)).toBeTruthy();
    expect(issued(forged)).not.toBe(device);
  });

  it("counts the client's address range: dropping the cookie does not escape it (403 ROOM_RANGE_CAP); IPv6 by /64", async () => {
    const p = await drop({ roomRangeCap: 2, roomDeviceCap: 1 });
    const statuses: number[] = [];
    for (let i = 1; i <= 3; i++) statuses.push((await post(p.id, await buyer(), { ip: `203.0.113.${i}` })).status); // no cookie each time
    expect(statuses).toEqual([200, 200, 403]);
    const refused = await post(p.id, await buyer(), { ip: "203.0.113.200" });
    expect((await refused.json()).error).toMatchObject({ code: "ROOM_RANGE_CAP", cap: "range" });
    expect((await post(p.id, await buyer(), { ip: "203.0.114.1" })).status).toBe(200);
    expect((await post(p.id, await buyer(), { ip: "2001:db8:1:a::1" })).status).toBe(200);
    expect((await post(p.id, await buyer(), { ip: "2001:db8:1:a::2" })).status).toBe(200);
    expect((await post(p.id, await buyer(), { ip: "2001:db8:1:a:ffff::3" })).status).toBe(403);
    expect((await post(p.id, await buyer(), { ip: "2001:db8:1:b::1" })).status).toBe(200); // the next /64
  });
});
