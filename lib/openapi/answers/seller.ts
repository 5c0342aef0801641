// Answers of the seller API: products with their stock, orders, the drop monitor and fleet flags, sales
// and uploads. Products are the stored rows (the seller's own fields, not the public ProductView).
import { z } from "zod";
import { ProductStatus, ProductType } from "@/lib/generated/prisma/enums";
import type { excludeFlaggedOrders, getDropFlags } from "@/lib/seller/flags";
import type { getDropMonitor } from "@/lib/seller/monitor";
import type { getSellerOrderOrThrow, listSellerOrders, listSellerProducts } from "@/lib/seller/queries";
import type { getSales } from "@/lib/seller/sales";
import type { ownedProductOrThrow } from "@/lib/seller/scope";
import type { archiveProduct, createProduct, restockProduct, updateProduct } from "@/lib/seller/service";
import type { uploadProductImage } from "@/lib/seller/uploads";
import type { setProductVariants } from "@/lib/seller/variants";
import { fits, type Sent } from "../fits";
import { deliverySchema } from "./addresses";
import { count, isoInstant, orderEventSchema, orderStatus, refundSchema, shipmentSchema, str, won } from "../responses";

const positiveOrNull = z.number().int().positive().nullable();

/** A product row (prisma/schema.prisma Product). */
const productRow = z.looseObject({
  id: z.uuid(),
  sellerId: z.uuid(),
  categoryId: z.uuid(),
  name: str,
  description: str,
  price: won,
  images: z.array(str),
  type: z.enum(ProductType),
  status: z.enum(ProductStatus),
  saleStartsAt: isoInstant.nullable(),
  saleEndsAt: isoInstant.nullable(),
  perBuyerLimit: positiveOrNull,
  phoneRequired: z.boolean(),
  waitingRoom: z.boolean(),
  admissionRate: positiveOrNull.describe("Waiting-room admissions per second (null: automatic)"),
  preQueueMinutes: count,
  roomRangeCap: positiveOrNull,
  roomDeviceCap: positiveOrNull,
  createdAt: isoInstant,
  updatedAt: isoInstant,
});
const inventory = z.looseObject({ productId: z.uuid(), total: count, available: count, updatedAt: isoInstant }).nullable();
const sellerProduct = productRow.extend({ inventory });

export const sellerProductsSchema = fits(
  z.looseObject({ products: z.array(sellerProduct.extend({ seller: z.looseObject({ shopName: str }), category: z.looseObject({ nameKo: str, nameEn: str }) })) }),
)<{ products: Sent<typeof listSellerProducts> }>();
/** GET, POST (201) and PATCH: the product with its stock. */
export const sellerProductSchema = fits(z.looseObject({ product: sellerProduct }))<{ product: Sent<typeof ownedProductOrThrow> }>();
fits(sellerProductSchema)<{ product: Sent<typeof createProduct> }>();
fits(sellerProductSchema)<{ product: Sent<typeof updateProduct> }>();
/** DELETE: the archived row. */
export const archivedProductSchema = fits(z.looseObject({ product: productRow }))<{ product: Sent<typeof archiveProduct> }>();
export const restockedSchema = fits(
  z.looseObject({
    inventory: z.looseObject({
      total: count,
      available: count,
      variant: z.looseObject({ id: z.uuid(), total: count, available: count }).nullable().describe("The restocked variant (null for a product without options)"),
    }),
  }),
)<{ inventory: Sent<typeof restockProduct> }>();

/** The product's axes and variants after PUT /api/seller/products/{id}/variants (as the product answer shows them). */
export const variantsAnswerSchema = fits(
  z.looseObject({
    options: z.array(z.looseObject({ name: str, values: z.array(str) })),
    variants: z.array(z.looseObject({ id: z.uuid(), sku: str, optionValues: z.array(str), label: str, priceDelta: z.number().int(), price: won, available: count, total: count })),
  }),
)<Sent<typeof setProductVariants>>();

const sellerLine = z.looseObject({ productId: z.uuid(), variantId: z.uuid(), variantLabel: str.nullable(), sku: str.nullable(), sellerId: z.uuid(), name: str, image: str.nullable(), unitPrice: won, quantity: z.number().int().positive() });
export const sellerOrderPageSchema = fits(
  z.looseObject({
    orders: z.array(z.looseObject({ id: str, status: orderStatus, createdAt: isoInstant, items: z.array(sellerLine), subtotal: won.describe("Of the seller's lines") })),
    count,
    page: z.number().int().positive(),
    pageSize: z.number().int().positive(),
  }),
)<Sent<typeof listSellerOrders>>();

export const sellerOrderSchema = fits(
  z.looseObject({
    order: z.looseObject({
      id: str,
      status: orderStatus,
      amount: won,
      orderName: str,
      holdExpiresAt: isoInstant.nullable(),
      createdAt: isoInstant,
      items: z.array(sellerLine).describe("The seller's lines only"),
      subtotal: won,
      events: z.array(orderEventSchema),
      payment: z.looseObject({ status: str, method: str.nullable(), amount: won, approvedAt: isoInstant.nullable() }).nullable(),
      refunds: z.array(refundSchema),
      shipment: shipmentSchema,
      delivery: deliverySchema.nullable().describe("Who receives it and where (decrypted for the order's seller)"),
      refund: refundSchema.nullable(),
    }),
  }),
)<{ order: Sent<typeof getSellerOrderOrThrow> }>();

const roomFigures = z.looseObject({
  on: z.boolean(), rate: z.number().nonnegative(), auto: z.boolean(), queued: count, admitted: count, waiting: count,
  passesIssued: count, passesUsed: count, passesLost: count, preQueueMinutes: count,
});
export const monitorSchema = fits(
  z.looseObject({
    monitor: z.looseObject({
      productId: z.uuid(), name: str, state: str, saleStartsAt: isoInstant.nullable(), saleEndsAt: isoInstant.nullable(),
      total: count, remaining: count, ledgerAvailable: count, held: count, sold: count,
      admissionsPerSecond: z.number().nonnegative(), paidPerSecond: z.number().nonnegative(),
      series: z.array(z.looseObject({ t: z.number().int().describe("Unix milliseconds"), admitted: count, paid: count })),
      placedOrders: count, paidOrders: count,
      conversion: z.number().nonnegative().nullable(), soldOutAfterMs: count.nullable(), etaMs: count.nullable(),
      room: z.union([roomFigures, z.literal("unavailable"), z.null()]).describe('The waiting room\'s figures; "unavailable" when Redis did not answer'),
      variants: z.array(z.looseObject({ id: z.uuid(), label: str, sku: str, remaining: count, total: count, held: count, sold: count })).describe("Per size (lib/seller/monitor-variants.ts); empty without options"),
      at: isoInstant,
    }),
  }),
)<{ monitor: Sent<typeof getDropMonitor> }>();

const flaggedOrder = z.looseObject({
  id: str, status: orderStatus, amount: won, units: count, createdAt: isoInstant, userId: z.uuid(), accountCreatedAt: isoInstant,
  clientNet: str.nullable().describe("The client's address range (IPv4 /24, IPv6 /64)"), rangeAccounts: count, phoneVerified: z.boolean(),
  flags: z.array(z.enum(["new_account", "shared_range"])), excludable: z.boolean(),
});
export const dropFlagsSchema = fits(
  z.looseObject({ productId: z.uuid(), opensAt: isoInstant.nullable(), thresholds: z.looseObject({ newAccountMinutes: count, rangeAccounts: count }), orders: z.array(flaggedOrder), flagged: count }),
)<Sent<typeof getDropFlags>>();
export const excludedSchema = fits(z.looseObject({ excluded: z.array(str), skipped: z.array(str).describe("Named orders not cancelled (not flagged, or no longer unpaid)") }))<Sent<typeof excludeFlaggedOrders>>();

const day = z.iso.date();
export const salesSchema = fits(
  z.looseObject({
    series: z.array(z.looseObject({ day, revenue: won, units: count })),
    totals: z.looseObject({ revenue: won, units: count }),
    top: z.array(z.looseObject({ productId: z.uuid(), name: str, revenue: won, units: count })),
    topVariants: z.array(z.looseObject({ variantId: z.uuid(), name: str, label: str, sku: str, revenue: won, units: count })).describe("The best-selling options (sizes), by the order lines' label snapshot"),
    refunds: z.looseObject({ orders: count, amount: won }),
    payouts: z.array(z.looseObject({ id: str, periodDate: str, amount: won, entryCount: count, seller: z.looseObject({ shopName: str }) })),
  }),
)<Sent<typeof getSales>>();

export const uploadSchema = fits(
  z.looseObject({ upload: z.looseObject({ key: str, url: str.describe("Where GET /api/uploads/{path} serves it"), contentType: z.enum(["image/jpeg", "image/png", "image/webp"]), size: z.number().int().positive(), width: z.number().int().positive(), height: z.number().int().positive() }) }),
)<{ upload: Sent<typeof uploadProductImage> }>();
