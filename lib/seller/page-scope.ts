import "server-only";
// The seller area's pages: who is looking and whose shop they see. An admin's seller picker is a cookie
// (layouts cannot read the query string); a stale choice falls back to every seller.
import { cookies } from "next/headers";
import { notFound } from "next/navigation";
import { requirePageRole } from "@/lib/auth/guards";
import { AppError } from "@/lib/errors";
import { idSchema } from "@/lib/validation";
import { resolveScope, type SellerScope } from "./scope";

export const SELLER_PICK_COOKIE = "seller_pick";

export async function getPageScope(path: string): Promise<SellerScope> {
  const user = await requirePageRole(path, "SELLER", "ADMIN");
  const picked = user.role === "ADMIN" ? (await cookies()).get(SELLER_PICK_COOKIE)?.value : undefined;
  try {
    return await resolveScope(user, picked && idSchema.safeParse(picked).success ? picked : undefined);
  } catch (err) {
    if (err instanceof AppError && err.code === "NOT_FOUND") return { sellerId: null, isAdmin: true };
    throw err;
  }
}

/** A page's read of one thing in the scope: NOT_FOUND (missing, or another seller's) is the page's 404. */
export function orNotFound<T>(read: Promise<T>): Promise<T> {
  return read.catch((err: unknown) => {
    if (err instanceof AppError && err.code === "NOT_FOUND") notFound();
    throw err;
  });
}

/** For API calls from the page's client components: the seller an admin picked, as a query string. */
export const scopeQuery = (scope: SellerScope) => (scope.isAdmin && scope.sellerId ? `?sellerId=${scope.sellerId}` : "");
