// Server code that also runs as a script (scripts/rotate-keys.ts), hence no "server-only" marker.
// Key rotation for personal data at rest. After a new key is put first in DATA_ENCRYPTION_KEYS, every
// ciphertext still under an older key id is decrypted and encrypted again under the current one, in
// batches. Each row is updated only if it still holds the value that was read (a concurrent profile edit
// wins), so running it while the shop serves traffic — or twice — is safe. When it reports nothing left,
// the old key can be removed from DATA_ENCRYPTION_KEYS. Values under a key the ring does not hold are
// counted as unreadable and left alone (never a crash half-way).
import { decrypt, encrypt, type KeyRing } from "@/lib/crypto/aead";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";

/** Every encrypted column: table and columns (text in the v1.<keyId>.… format; the query skips NULLs). */
const ENCRYPTED = [
  { table: "User", columns: ["emailEnc", "nameEnc", "phoneEnc", "addressEnc"] },
  { table: "Order", columns: ["shippingAddressEnc", "deliveryEnc"] },
  { table: "Address", columns: ["dataEnc"] },
] as const;

/** `unreadable`: values under a key id the ring does not hold (left as they are, and reported). */
export type RotationReport = { rotated: number; unreadable: number; byColumn: Record<string, number> };

export async function rotateEncryptionKeys(keys: KeyRing, opts: { batchSize?: number } = {}): Promise<RotationReport> {
  const batchSize = opts.batchSize ?? 500;
  const current = `v1.${keys.current}.`;
  const report: RotationReport = { rotated: 0, unreadable: 0, byColumn: {} };
  for (const { table, columns } of ENCRYPTED) {
    for (const column of columns) {
      const t = Prisma.raw(`"${table}"`);
      const c = Prisma.raw(`"${column}"`);
      let done = 0;
      let after = "";
      for (;;) {
        const rows = await db.$queryRaw<{ id: string; value: string }[]>`
          SELECT id::text AS id, ${c} AS value FROM ${t}
          WHERE ${c} IS NOT NULL AND left(${c}, ${current.length}) <> ${current} AND id::text > ${after}
          ORDER BY id::text LIMIT ${batchSize}`;
        if (rows.length === 0) break;
        for (const row of rows) {
          const keyId = row.value.split(".")[1];
          if (!keys.keys.has(keyId)) {
            report.unreadable++;
            continue;
          }
          const fresh = encrypt(decrypt(row.value, keys), keys);
          done += await db.$executeRaw`UPDATE ${t} SET ${c} = ${fresh} WHERE id::text = ${row.id} AND ${c} = ${row.value}`;
        }
        after = rows[rows.length - 1].id;
      }
      report.byColumn[`${table}.${column}`] = done;
      report.rotated += done;
    }
  }
  return report;
}
