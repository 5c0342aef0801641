import "server-only";
// Whose data a seller-area request sees. A seller sees only their own shop (another seller's product or
// order is "not found", never "forbidden"); an admin sees every seller's, or one seller's when it names one.
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { SessionUser } from "@/lib/auth/guards";

/** sellerId null = every seller (admins only). */
export type SellerScope = { sellerId: string | null; isAdmin: boolean };

export async function resolveScope(user: SessionUser, requestedSellerId?: string | null): Promise<SellerScope> {
  if (user.role === "ADMIN") {
    if (!requestedSellerId) return { sellerId: null, isAdmin: true };
    const seller = await db.seller.findUnique({ where: { id: requestedSellerId }, select: { id: true } });
    if (!seller) throw new AppError("NOT_FOUND", "seller not found");
    return { sellerId: seller.id, isAdmin: true };
  }
  if (user.role !== "SELLER") throw new AppError("FORBIDDEN", "Sellers only");
  const seller = await db.seller.findUnique({ where: { userId: user.id }, select: { id: true } });
  if (!seller) throw new AppError("FORBIDDEN", "This account has no shop");
  return { sellerId: seller.id, isAdmin: false };
}

/** The Prisma filter for products in scope. */
export const productWhere = (scope: SellerScope) => (scope.sellerId ? { sellerId: scope.sellerId } : {});

/** A product in scope, or 404 — the same answer for a product that does not exist and one of another seller. */
export async function ownedProductOrThrow(scope: SellerScope, productId: string) {
  const product = await db.product.findFirst({ where: { id: productId, ...productWhere(scope) }, include: { inventory: true } });
  if (!product) throw new AppError("NOT_FOUND", "product not found");
  return product;
}

export async function listSellers() {
  return db.seller.findMany({ select: { id: true, shopName: true }, orderBy: { shopName: "asc" } });
}
