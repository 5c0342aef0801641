import "server-only";
// The SMS outbox's reads (pages never import the database client).
import { db } from "@/lib/db";

export async function listDevSms(limit = 50) {
  return db.devSms.findMany({ orderBy: { createdAt: "desc" }, take: limit, select: { id: true, to: true, text: true, createdAt: true } });
}
