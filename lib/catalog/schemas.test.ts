import { describe, expect, it } from "vitest";
import { listProductsQuerySchema, parseListQueryLenient } from "./schemas";

const parse = (q: Record<string, string>) => listProductsQuerySchema.safeParse(q);
const badFields = (q: Record<string, string>) => {
  const r = parse(q);
  return r.success ? [] : r.error.issues.map((i) => i.path.join("."));
};

describe("listProductsQuerySchema", () => {
  it("applies defaults and treats blank fields as absent", () => {
    expect(listProductsQuerySchema.parse({ q: " ", category: "" })).toEqual({ page: 1, pageSize: 12, q: undefined, category: undefined, type: undefined, available: false, sort: "newest" });
  });

  it("accepts every valid value", () => {
    expect(listProductsQuerySchema.parse({ page: "3", pageSize: "100", q: " 러너 ", category: "sneakers", type: "limited", available: "1", sort: "price_desc" })).toEqual({
      page: 3, pageSize: 100, q: "러너", category: "sneakers", type: "LIMITED", available: true, sort: "price_desc",
    });
  });

  it("names the field of each bad parameter", () => {
    expect(badFields({ pageSize: "500" })).toEqual(["pageSize"]);
    expect(badFields({ pageSize: "0" })).toEqual(["pageSize"]);
    expect(badFields({ page: "abc" })).toEqual(["page"]);
    expect(badFields({ sort: "bogus" })).toEqual(["sort"]);
    expect(badFields({ type: "x" })).toEqual(["type"]);
    expect(badFields({ category: "Not A Slug!" })).toEqual(["category"]);
    expect(badFields({ available: "yes" })).toEqual(["available"]);
  });
});

describe("parseListQueryLenient", () => {
  it("drops only the invalid fields for pages", () => {
    expect(parseListQueryLenient({ pageSize: "500", sort: "price_asc", q: ["a", "b"] })).toMatchObject({ pageSize: 12, sort: "price_asc", q: "a" });
  });
});
