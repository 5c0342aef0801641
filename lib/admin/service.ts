import "server-only";
// Admin writes: role changes. A role change drops the user's cached sessions so the new role applies on
// their next request.
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { forgetSessions } from "@/lib/auth/session-store";
import type { Role } from "@/lib/generated/prisma/client";

/** Sets a user's role; becoming a seller creates their shop (shopName required then). Admins cannot demote themselves. */
export async function changeRole(actorId: string, userId: string, role: Role, shopName?: string) {
  const user = await db.user.findFirst({ where: { id: userId, deletedAt: null }, select: { id: true, role: true, seller: { select: { id: true } } } });
  if (!user) throw new AppError("NOT_FOUND", "user not found");
  if (userId === actorId && role !== "ADMIN") throw new AppError("CONFLICT", "You cannot remove your own admin role");
  if (role === "SELLER" && !user.seller && !shopName) throw new AppError("VALIDATION", "Invalid input", { shopName: ["required"] });
  const updated = await db.$transaction(async (tx) => {
    if (role === "SELLER" && !user.seller) await tx.seller.create({ data: { userId, shopName: shopName! } });
    return tx.user.update({ where: { id: userId }, data: { role }, select: { id: true, role: true } });
  });
  const sessions = await db.session.findMany({ where: { userId }, select: { id: true } });
  await forgetSessions(sessions.map((s) => s.id));
  return updated;
}
