import "server-only";
// Address book reads. A buyer sees only their own entries: anyone else's is "not found".
import { db } from "@/lib/db";
import { decryptDelivery } from "./codec";
import type { AddressView } from "./schemas";

/** The buyer's address book, the default first, then oldest first (the order they were added). */
export async function listAddresses(userId: string): Promise<AddressView[]> {
  const rows = await db.address.findMany({ where: { userId }, orderBy: [{ isDefault: "desc" }, { createdAt: "asc" }, { id: "asc" }] });
  return rows.map((r) => ({ id: r.id, isDefault: r.isDefault, ...decryptDelivery(r.dataEnc) }));
}

/** One entry's ciphertext (what an order copies), or null when it is not the buyer's. */
export async function getAddressCiphertext(userId: string, addressId: string): Promise<string | null> {
  const row = await db.address.findFirst({ where: { id: addressId, userId }, select: { dataEnc: true } });
  return row?.dataEnc ?? null;
}

/** The default entry's ciphertext, or null when the book is empty. */
export async function getDefaultAddressCiphertext(userId: string): Promise<string | null> {
  const row = await db.address.findFirst({ where: { userId, isDefault: true }, select: { dataEnc: true } });
  return row?.dataEnc ?? null;
}
