import "server-only";
// The development mailbox's reads (pages never import the database client).
import { db } from "@/lib/db";

export async function listDevMail(limit = 50) {
  return db.devMail.findMany({ orderBy: { createdAt: "desc" }, take: limit, select: { id: true, to: true, subject: true, text: true, createdAt: true } });
}
