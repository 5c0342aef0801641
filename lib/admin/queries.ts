import "server-only";
// Admin reads: users (emails decrypted for the operator's screen only, never logged) and the stock
// reconciliation reports.
import { db } from "@/lib/db";
import { decryptOptional } from "@/lib/crypto/aead";
import type { Role } from "@/lib/generated/prisma/client";

export async function listUsers(opts: { page?: number; role?: Role } = {}) {
  const page = opts.page ?? 1;
  const where = { deletedAt: null, ...(opts.role && { role: opts.role }) };
  const [rows, count] = await Promise.all([
    db.user.findMany({
      where,
      orderBy: { createdAt: "desc" },
      skip: (page - 1) * 50,
      take: 50,
      select: { id: true, role: true, emailEnc: true, emailVerifiedAt: true, createdAt: true, seller: { select: { id: true, shopName: true } } },
    }),
    db.user.count({ where }),
  ]);
  const users = rows.map(({ emailEnc, ...u }) => ({ ...u, email: safeDecrypt(emailEnc) }));
  return { users, count, page };
}

function safeDecrypt(v: string | null) {
  try {
    return decryptOptional(v);
  } catch {
    return null;
  }
}

export async function listReconciliations(limit = 100) {
  const rows = await db.stockReconciliation.findMany({ orderBy: { createdAt: "desc" }, take: limit });
  const names = new Map(
    (await db.product.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.productId))] } }, select: { id: true, name: true } })).map((p) => [p.id, p.name]),
  );
  return rows.map((r) => ({ ...r, productName: names.get(r.productId) ?? null }));
}
