// Named prepared statements (lib/db.ts): a statement the shop runs is prepared on a connection under a
// name derived from its text; a long parameter list (an IN list's length is part of the text) stays
// unnamed, so each connection keeps a bounded set.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";

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
