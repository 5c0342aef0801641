// Server code that also runs in the worker process (plain Node via tsx), hence no "server-only" marker.
// Every order in this shop ships, so the rule is one sentence and lives here: an order cannot be paid until
// it holds a delivery snapshot. The payment confirm applies it with `hasDelivery` inside its guarded claim
// (lib/payments/claim.ts, so a confirm never reaches Toss without it) and answers `deliveryRequired()`;
// the order page offers the pay button only when `needsDelivery` is false.
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";

/** The SQL condition of the rule, on the order row named `alias`. */
export const hasDelivery = (alias: string) => Prisma.raw(`${alias}."deliveryEnc" IS NOT NULL`);

/** True while the order still lacks what paying it needs. */
export const needsDelivery = (order: { deliveryEnc?: string | null; delivery?: unknown }) => !(order.deliveryEnc ?? order.delivery);

/** 409: what the confirm answers for an order without delivery details (nothing is sent to Toss). */
export const deliveryRequired = (orderId: string) =>
  new AppError("DELIVERY_REQUIRED", "Enter the delivery address before paying", undefined, { orderId });
