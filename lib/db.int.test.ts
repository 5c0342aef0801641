// Named prepared statements (lib/db.ts): a statement the shop runs is prepared on a connection under a
// name derived from its text; a long parameter list (an IN list's length is part of the text) stays
// unnamed, so each connection keeps a bounded set.
import { describe, expect, it, vi } from "vitest";
import { db, isUniqueViolation, queryRows } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";

/** Runs two queries and lists the named statements of the connection they ran on (one transaction, one connection). */
function runAndList() {
  return db.$transaction(async (tx) => {
    await tx.user.findMany({ where: { emailHash: "nobody" }, select: { id: true } });
    await tx.user.findMany({ where: { emailHash: { in: Array.from({ length: 40 }, (_, i) => `nobody-${i}`) } }, select: { id: true } });
    return tx.$queryRaw<{ name: string; statement: string }[]>`SELECT name, statement FROM pg_prepared_statements`;
  });
}

describe("prepared statements", () => {
  it("prepares the shop's statements under names from their text, and leaves long parameter lists unnamed", async () => {
    const first = await runAndList();
    const single = first.find((s) => s.statement.includes(`"emailHash" = $1`));
    expect(single?.name).toMatch(/^hu_[\w-]{27}$/);
    expect(first.filter((s) => s.statement.includes(`"emailHash" IN`))).toEqual([]);
    // The same text gets the same name, whichever connection runs it.
    const again = await runAndList();
    expect(again.find((s) => s.statement === single!.statement)?.name).toBe(single!.name);
  });
});

describe("queryRows: one statement straight on Prisma's pool", () => {
  it("writes and reads timestamps as Prisma does (UTC), whatever the process's time zone", async () => {
    vi.stubEnv("TZ", "Asia/Seoul"); // Node re-reads TZ when it is set: pg's default parser would be 9 hours off here
    try {
      const at = new Date("2026-02-28T23:30:00.123Z");
      const [row] = await queryRows<{ at: Date; text: string; n: number; ok: boolean }>(
        Prisma.sql`SELECT ${at}::timestamp(3) AS at, ${at}::timestamp(3)::text AS text, ${7}::int AS n, ${true}::boolean AS ok`,
      );
      expect(row).toEqual({ at, text: "2026-02-28 23:30:00.123", n: 7, ok: true });
      const [viaPrisma] = await db.$queryRaw<{ at: Date }[]>`SELECT ${at}::timestamp(3) AS at`;
      expect(viaPrisma.at).toEqual(row.at);
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it("reports a unique violation the way Prisma's raw queries do, and other errors as they are", async () => {
    const slug = `qr-${Date.now()}`;
    const insertTwice = Prisma.sql`INSERT INTO "Category" (id, slug, "nameKo", "nameEn") VALUES (gen_random_uuid(), ${slug}, 'x', 'x'), (gen_random_uuid(), ${slug}, 'x', 'x')`;
    expect(isUniqueViolation(await queryRows(insertTwice).catch((e: unknown) => e))).toBe(true);
    expect(isUniqueViolation(await db.$executeRaw(insertTwice).catch((e: unknown) => e))).toBe(true);
    expect(await db.category.count({ where: { slug } })).toBe(0);
    const divide = await queryRows(Prisma.sql`SELECT 1 / ${0}::int AS x`).catch((e: unknown) => e);
    expect(divide).toBeInstanceOf(Error);
    expect(isUniqueViolation(divide)).toBe(false);
  });
});
