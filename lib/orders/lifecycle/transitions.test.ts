import { describe, expect, it } from "vitest";
import type { Tx } from "@/lib/db";
import type { OrderStatus } from "@/lib/generated/prisma/client";
import { cancellableFrom, steps } from "./steps";
import { canTransition, holdingStates, returnsUnits, soldStates, transition, transitions } from "./transitions";

describe("order transition table", () => {
  it("follows the lifecycle in docs/orders.md and nothing else", () => {
    expect(canTransition("PENDING_PAYMENT", "CONFIRMING")).toBe(true);
    expect(canTransition("CONFIRMING", "PAID")).toBe(true);
    expect(canTransition("PAID", "SHIPPING")).toBe(true);
    expect(canTransition("SHIPPING", "DELIVERED")).toBe(true);
    expect(canTransition("DELIVERED", "RETURN_REQUESTED")).toBe(true);
    expect(canTransition("RETURN_REQUESTED", "RETURNED")).toBe(true);
    expect(canTransition("RETURN_REQUESTED", "RETURN_REFUSED")).toBe(true);
    // a late payment cannot revive an expired hold, and nothing leaves a terminal state
    expect(canTransition("EXPIRED", "CONFIRMING")).toBe(false);
    expect(canTransition("EXPIRED", "PAID")).toBe(false);
    for (const s of ["RETURNED", "EXPIRED", "PAYMENT_FAILED", "CANCELLED", "RETURN_REFUSED"] as const) expect(transitions[s]).toEqual([]);
    // shipped orders are not cancelled: they are returned
    expect(canTransition("SHIPPING", "CANCELLED")).toBe(false);
  });

  it("returns units exactly on the exits that end a hold or undo a sale", () => {
    const all = Object.keys(transitions) as (keyof typeof transitions)[];
    expect(all.filter(returnsUnits).sort()).toEqual(["CANCELLED", "EXPIRED", "PAYMENT_FAILED", "RETURNED"]);
    // every state is either holding, sold, or holds nothing (units returned) — never two of these
    for (const s of all) expect(Number(holdingStates.includes(s)) + Number(soldStates.includes(s)) + Number(returnsUnits(s))).toBe(1);
  });
});

// Every pair of states, spelled out: the 13 moves the shop allows, and all 108 others refused.
const allowed = new Set([
  "PENDING_PAYMENT>CONFIRMING", "PENDING_PAYMENT>EXPIRED", "PENDING_PAYMENT>CANCELLED", "PENDING_PAYMENT>PAYMENT_FAILED",
  "CONFIRMING>PAID", "CONFIRMING>PAYMENT_FAILED", "CONFIRMING>PENDING_PAYMENT",
  "PAID>SHIPPING", "PAID>CANCELLED",
  "SHIPPING>DELIVERED",
  "DELIVERED>RETURN_REQUESTED",
  "RETURN_REQUESTED>RETURNED", "RETURN_REQUESTED>RETURN_REFUSED",
]);
const states = Object.keys(transitions) as OrderStatus[];
const pairs = states.flatMap((from) => states.map((to) => [from, to] as const));

describe("every transition", () => {
  it("covers all eleven states", () => expect(states).toHaveLength(11));

  it.each(pairs.filter(([f, t]) => allowed.has(`${f}>${t}`)))("%s → %s is allowed", (from, to) => {
    expect(canTransition(from, to)).toBe(true);
  });

  it.each(pairs.filter(([f, t]) => !allowed.has(`${f}>${t}`)))("%s → %s is refused before anything is written", async (from, to) => {
    expect(canTransition(from, to)).toBe(false);
    const touched: string[] = [];
    const tx = new Proxy({}, { get: (_, prop) => (touched.push(String(prop)), () => Promise.reject(new Error("no writes expected"))) }) as unknown as Tx;
    await expect(transition(tx, "HU-test-order", from, to)).rejects.toMatchObject({ code: "INVALID_TRANSITION" });
    expect(touched).toEqual([]);
  });

  it("the buyer's cancel and the worker's steps use allowed moves only", () => {
    for (const from of cancellableFrom) expect(canTransition(from, "CANCELLED")).toBe(true);
    for (const s of Object.values(steps)) expect(canTransition(s.from, s.to)).toBe(true);
    expect(states.filter((s) => canTransition(s, "CANCELLED")).sort()).toEqual([...cancellableFrom].sort());
  });
});
