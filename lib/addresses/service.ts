import "server-only";
// Address book writes. Every write runs in one transaction that first locks the buyer's User row, so two
// concurrent writes of one buyer queue: the cap (MAX_ADDRESSES) holds and exactly one entry is the default
// whenever the book is not empty (the first entry becomes it; deleting it promotes the newest other one).
import { db, type Tx } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { encryptDelivery } from "./codec";
import { addressInputSchema, MAX_ADDRESSES, type AddressView } from "./schemas";
import { decryptDelivery } from "./codec";

async function lockBook(tx: Tx, userId: string): Promise<void> {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id::text FROM "User" WHERE id = ${userId}::uuid AND "deletedAt" IS NULL FOR NO KEY UPDATE`;
  if (rows.length === 0) throw new AppError("UNAUTHENTICATED", "Sign in first");
}

async function makeDefault(tx: Tx, userId: string, addressId: string): Promise<void> {
  await tx.address.updateMany({ where: { userId, isDefault: true, NOT: { id: addressId } }, data: { isDefault: false } });
  await tx.address.update({ where: { id: addressId }, data: { isDefault: true } });
}

async function ownOrThrow(tx: Tx, userId: string, addressId: string) {
  const row = await tx.address.findFirst({ where: { id: addressId, userId } });
  if (!row) throw notFound("address");
  return row;
}

const view = (row: { id: string; isDefault: boolean; dataEnc: string }): AddressView => ({ id: row.id, isDefault: row.isDefault, ...decryptDelivery(row.dataEnc) });

/** Adds an entry (422 on invalid fields, 409 ADDRESS_BOOK_FULL at the cap). The first one is the default. */
export async function createAddress(userId: string, raw: unknown): Promise<AddressView> {
  const { isDefault, ...delivery } = parseInput(addressInputSchema, raw);
  return db.$transaction(async (tx) => {
    await lockBook(tx, userId);
    const count = await tx.address.count({ where: { userId } });
    if (count >= MAX_ADDRESSES) throw new AppError("ADDRESS_BOOK_FULL", `An address book holds at most ${MAX_ADDRESSES} addresses`);
    const row = await tx.address.create({ data: { userId, dataEnc: encryptDelivery(delivery) } });
    if (isDefault || count === 0) await makeDefault(tx, userId, row.id);
    return view({ ...row, isDefault: Boolean(isDefault || count === 0) });
  });
}

/** Replaces an entry's fields; `isDefault: true` makes it the default (false never leaves the book without one). */
export async function updateAddress(userId: string, addressId: string, raw: unknown): Promise<AddressView> {
  const { isDefault, ...delivery } = parseInput(addressInputSchema, raw);
  return db.$transaction(async (tx) => {
    await lockBook(tx, userId);
    const row = await ownOrThrow(tx, userId, addressId);
    const updated = await tx.address.update({ where: { id: row.id }, data: { dataEnc: encryptDelivery(delivery) } });
    if (isDefault && !row.isDefault) await makeDefault(tx, userId, row.id);
    return view({ ...updated, isDefault: row.isDefault || Boolean(isDefault) });
  });
}

export async function setDefaultAddress(userId: string, addressId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    await lockBook(tx, userId);
    await ownOrThrow(tx, userId, addressId);
    await makeDefault(tx, userId, addressId);
  });
}

/** Deletes an entry; orders keep their own snapshot. Deleting the default promotes the newest other entry. */
export async function deleteAddress(userId: string, addressId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    await lockBook(tx, userId);
    const row = await ownOrThrow(tx, userId, addressId);
    await tx.address.delete({ where: { id: row.id } });
    if (!row.isDefault) return;
    const next = await tx.address.findFirst({ where: { userId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: { id: true } });
    if (next) await makeDefault(tx, userId, next.id);
  });
}
