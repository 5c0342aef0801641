// The way back from sign-in keeps the page's own address and adds the pending tap to it, so the island that
// owns the parameter finds it there; the whole address travels as one encoded callbackUrl.
import { afterEach, describe, expect, test, vi } from "vitest";
import { callbackWithAlert } from "@/components/alerts/alert-after-sign-in";
import { callbackWithWish } from "@/components/wishlist/wish-after-sign-in";
import { actThenDrop, callbackWith } from "./after-sign-in";

const at = (href: string) => vi.stubGlobal("window", { location: { href } });
const back = (signIn: string) => {
  const url = new URL(signIn, "https://shop.test");
  expect(url.pathname).toBe("/signin");
  return url.searchParams.get("callbackUrl");
};

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("callbackWith", () => {
  test("brings the guest back to this path and query, with the parameter added and the fragment dropped", () => {
    at("https://shop.test/products/p1?size=M#reviews");
    expect(back(callbackWith("wish", "p1"))).toBe("/products/p1?size=M&wish=p1");
  });

  test("a parameter already in the address is replaced, not repeated", () => {
    at("https://shop.test/?wish=old&page=2");
    expect(back(callbackWith("wish", "new"))).toBe("/?wish=new&page=2");
  });

  test("the wishlist carries the product; an alert carries its kind and, for a size, the variant", () => {
    at("https://shop.test/products/p1");
    expect(back(callbackWithWish("p1"))).toBe("/products/p1?wish=p1");
    expect(back(callbackWithAlert("OPENING", null))).toBe("/products/p1?alert=OPENING");
    expect(back(callbackWithAlert("RESTOCK", "v9"))).toBe("/products/p1?alert=RESTOCK.v9");
  });
});

describe("actThenDrop", () => {
  test("drops the parameter after the tap, and after a tap that failed, without a rejection", async () => {
    const dropped: string[] = [];
    await actThenDrop(async () => {}, "p1", () => dropped.push("ok"));
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    await expect(actThenDrop(() => Promise.reject(new Error("offline")), "p2", () => dropped.push("failed"))).resolves.toBeUndefined();
    expect(dropped).toEqual(["ok", "failed"]);
    expect(warn).toHaveBeenCalledOnce();
    warn.mockRestore();
  });

  test("drops it only once the tap has finished", async () => {
    let finish!: () => void;
    const dropped: string[] = [];
    const running = actThenDrop(() => new Promise<void>((r) => (finish = r)), "p1", () => dropped.push("p1"));
    await Promise.resolve();
    expect(dropped).toEqual([]);
    finish();
    await running;
    expect(dropped).toEqual(["p1"]);
  });
});
