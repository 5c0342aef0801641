// Response shapes for the OpenAPI document (lib/openapi/registry.ts). The request schemas are the routes'
// own (lib/*/schemas.ts); answers are plain TypeScript types in the domains, so the answers the document
// describes in detail are written here once, as zod, and lib/openapi/responses.int.test.ts holds them
// against real responses. Objects are loose (extra keys allowed): a new field is not a breaking change.
/* eslint-disable no-restricted-syntax -- answers the shop writes, never input it parses: text()'s input rules do not apply */
import { z } from "zod";
import { productTypes, saleStates } from "@/lib/catalog/schemas";
import { errorStatus } from "@/lib/errors";
import type { LiveStockState } from "@/lib/stock/live";

const isoInstant = z.iso.datetime({ offset: true });
const won = z.number().int().describe("Integer won");

/** AppError.toJSON (lib/errors.ts); some codes add keys beside these (e.g. `retryAfter`, `status`). */
export const errorSchema = z.looseObject({
  error: z.looseObject({
    code: z.enum(Object.keys(errorStatus) as [keyof typeof errorStatus, ...(keyof typeof errorStatus)[]]),
    message: z.string(),
    fields: z.record(z.string(), z.array(z.string())).optional().describe('Messages by dotted field path ("_" for the whole input)'),
  }),
});

export const healthSchema = z.looseObject({ status: z.literal("ok"), uptime: z.number().int().nonnegative() });

const check = z.enum(["ok", "failing"]);
export const readinessSchema = z.looseObject({
  status: z.enum(["ok", "unavailable"]),
  checks: z.looseObject({ postgres: check, redis: check }),
  failing: z.array(z.string()),
  worker: z.looseObject({ status: z.enum(["alive", "missing", "unknown"]), lastHeartbeatAt: isoInstant.nullable() }),
});

/** ProductView (lib/catalog/types.ts). */
export const productSchema = z.looseObject({
  id: z.uuid(),
  name: z.string(),
  description: z.string(),
  price: won,
  images: z.array(z.string()),
  type: z.enum(productTypes),
  category: z.looseObject({ slug: z.string(), nameKo: z.string(), nameEn: z.string() }),
  saleStartsAt: isoInstant.nullable(),
  saleEndsAt: isoInstant.nullable(),
  perBuyerLimit: z.number().int().positive().nullable(),
  phoneRequired: z.boolean(),
  waitingRoom: z.boolean(),
  remaining: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  state: z.enum(saleStates),
  createdAt: isoInstant,
  options: z.array(z.looseObject({ name: z.string(), values: z.array(z.string()) })).describe("Option axes (e.g. 사이즈); empty without options"),
  variants: z.array(z.looseObject({
    id: z.uuid(), sku: z.string(), optionValues: z.array(z.string()), label: z.string(), priceDelta: won, price: won,
    available: z.number().int().nonnegative(), total: z.number().int().nonnegative(),
  })).describe("One per option combination on sale; empty for a product without options (its one variant is implicit)"),
});

export const productPageSchema = z.looseObject({
  items: z.array(productSchema),
  page: z.number().int().positive(),
  pageSize: z.number().int().positive(),
  total: z.number().int().nonnegative(),
  totalPages: z.number().int().nonnegative(),
});

export const productAnswerSchema = z.looseObject({ product: productSchema });

// The stock API's words for the sale state (lib/stock/live.ts); a Record, so a state added there fails to compile here.
const liveStates: Record<LiveStockState, true> = { upcoming: true, on_sale: true, sold_out: true, ended: true };

/** lib/stock/live-cache.ts + handlers.ts: the live units, the sale state by the server's clock, and that clock. */
export const liveStockSchema = z.looseObject({
  stock: z.looseObject({
    productId: z.uuid(),
    available: z.number().int().nonnegative(),
    total: z.number().int().nonnegative(),
    saleStartsAt: isoInstant.nullable(),
    saleEndsAt: isoInstant.nullable(),
    perBuyerLimit: z.number().int().positive().nullable(),
    variants: z.array(z.looseObject({ id: z.uuid(), available: z.number().int().nonnegative(), total: z.number().int().nonnegative() }))
      .describe("Units left per variant (size); empty for a product without options"),
    state: z.enum(Object.keys(liveStates) as [LiveStockState, ...LiveStockState[]]),
    serverTime: isoInstant,
  }),
});

/** lib/payments/failure.ts: what a payment window's failure means for the order. */
export const paymentFailureSchema = z.looseObject({
  outcome: z.enum(["canceled", "declined", "failed"]).describe("canceled: the buyer closed the window; declined: the card or method was refused"),
  code: z.string(),
  payable: z.boolean().describe("The order still holds its units and can be paid again (a new payment window, same orderId)"),
  order: z.looseObject({ id: z.string(), status: z.string(), amount: won }),
});

/** Any JSON object: answers the document names but does not detail yet. */
export const jsonObject = z.looseObject({});
