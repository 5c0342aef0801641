import "server-only";
// Setting an order's delivery details (the rule that paying needs them: ./delivery-rule.ts). The snapshot
// is encrypted (lib/addresses/codec.ts) and copied, never referenced: editing or deleting an address book
// entry later changes no order.
import { getAddressCiphertext } from "@/lib/addresses/queries";
import { encryptDelivery } from "@/lib/addresses/codec";
import type { DeliveryChoice } from "@/lib/addresses/schemas";
import { clock } from "@/lib/clock";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";

/** The ciphertext a choice stands for: a saved entry's (copied as it is) or the given details, encrypted. */
export async function deliveryCiphertext(userId: string, choice: DeliveryChoice): Promise<string> {
  if (choice.delivery) return encryptDelivery(choice.delivery);
  const enc = await getAddressCiphertext(userId, choice.addressId!);
  if (!enc) throw new AppError("VALIDATION", "Invalid input", { addressId: ["unknown_address"] });
  return enc;
}

/**
 * Sets (or changes) the delivery details of the buyer's unpaid order, while its hold lasts and no payment
 * attempt holds it (a confirm in flight ships to what it saw). 404 for anyone else's order; 409
 * INVALID_TRANSITION once the order is past PENDING_PAYMENT, its hold ended, or a confirm is under way.
 */
export async function setOrderDelivery(userId: string, orderId: string, choice: DeliveryChoice): Promise<void> {
  const enc = await deliveryCiphertext(userId, choice);
  const now = clock.now();
  const updated = await db.$executeRaw`
    UPDATE "Order" SET "deliveryEnc" = ${enc}, "updatedAt" = ${now}
    WHERE id = ${orderId} AND "userId" = ${userId}::uuid AND status = 'PENDING_PAYMENT' AND "holdExpiresAt" > ${now}
      AND ("paymentClaimedUntil" IS NULL OR "paymentClaimedUntil" < ${now})`;
  if (updated === 1) return;
  const order = await db.order.findFirst({ where: { id: orderId, userId }, select: { status: true } });
  if (!order) throw notFound("order");
  throw new AppError("INVALID_TRANSITION", "The delivery address can be changed only while the order awaits payment", undefined, { status: order.status });
}
