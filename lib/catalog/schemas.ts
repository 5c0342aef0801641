// Catalog inputs, zod only: imported by route handlers, pages and client components alike.
import { z } from "zod";
import { text } from "@/lib/validation";

export const productTypes = ["NORMAL", "LIMITED"] as const;
export const productSorts = ["newest", "price_asc", "price_desc"] as const;
export const saleStates = ["upcoming", "open", "sold_out", "ended"] as const;

export type ProductTypeValue = (typeof productTypes)[number];
export type ProductSort = (typeof productSorts)[number];
export type SaleState = (typeof saleStates)[number];

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 12;

// An empty query parameter (`?q=`) means "not given": plain HTML forms submit empty fields.
const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

export const listProductsQuerySchema = z.object({
  page: optional(z.coerce.number({ error: "must be a number" }).int("must be a whole number").min(1, "must be 1 or more").max(10_000, "is too large")).transform((v) => v ?? 1),
  pageSize: optional(
    z.coerce.number({ error: "must be a number" }).int("must be a whole number").min(1, "must be 1 or more").max(MAX_PAGE_SIZE, `must be at most ${MAX_PAGE_SIZE}`),
  ).transform((v) => v ?? DEFAULT_PAGE_SIZE),
  q: optional(text(100, { error: "must be text", tooLong: "must be at most 100 characters", invalidCharacters: "must not contain control characters" })),
  category: optional(text(64, { error: "must be a category slug", tooLong: "must be a category slug" }).regex(/^[a-z0-9-]{1,64}$/, "must be a category slug")),
  type: optional(
    z.preprocess((v) => (typeof v === "string" ? v.toUpperCase() : v), z.enum(productTypes, { error: "must be NORMAL or LIMITED" })),
  ),
  available: optional(z.enum(["1", "0", "true", "false"], { error: "must be 1, 0, true or false" }))
    .transform((v) => v === "1" || v === "true"),
  /** An option value some variant has, e.g. "270" (docs/variants.md); with `available`, that variant has units left. */
  option: optional(text(30, { error: "must be text", tooLong: "must be at most 30 characters", invalidCharacters: "must not contain control characters" })),
  sort: optional(z.enum(productSorts, { error: "must be newest, price_asc or price_desc" })).transform((v) => v ?? "newest"),
});

export type ListProductsQuery = z.infer<typeof listProductsQuerySchema>;

/**
 * The same query for pages: a hand-edited URL must not break the shop, so each invalid field falls
 * back to its default instead of failing the whole request (the API answers 400 instead).
 */
export function parseListQueryLenient(params: Record<string, string | string[] | undefined>): ListProductsQuery {
  const flat: Record<string, string> = {};
  for (const [k, v] of Object.entries(params)) {
    const value = Array.isArray(v) ? v[0] : v;
    if (value !== undefined) flat[k] = value;
  }
  const parsed = listProductsQuerySchema.safeParse(flat);
  if (parsed.success) return parsed.data;
  const bad = new Set(parsed.error.issues.map((i) => String(i.path[0])));
  for (const k of bad) delete flat[k];
  return listProductsQuerySchema.parse(flat);
}
