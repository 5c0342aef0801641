// Delivery details for tests: a valid address book entry and the ciphertext every fixture buyer's default
// entry holds (test/stock.ts's createBuyers), so orders they place can be paid (lib/orders/delivery-rule.ts).
import { encryptDelivery } from "@/lib/addresses/codec";
import type { Delivery } from "@/lib/addresses/schemas";
import { db } from "@/lib/db";

export const HOME: Delivery = { recipient: "김배송", phone: "+821012345678", postcode: "04524", address: "서울특별시 중구 세종대로 110", detail: "3층 301호", memo: "문 앞에 놓아주세요" };

/** The same fields as a client sends them (a national number). */
export const HOME_INPUT = { ...HOME, phone: "010-1234-5678" };

let shared: string | undefined;

/** A default address book entry for each buyer (one ciphertext for all: fixtures, not secrets). */
export async function giveDefaultAddresses(userIds: string[]): Promise<void> {
  shared ??= encryptDelivery(HOME);
  await db.address.createMany({ data: userIds.map((userId) => ({ userId, dataEnc: shared!, isDefault: true })) });
}
