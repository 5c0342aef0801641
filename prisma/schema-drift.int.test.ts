import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { schemaDrift } from "@/scripts/schema-drift";

const schema = readFileSync(new URL("./schema.prisma", import.meta.url), "utf8");
const baseUrl = process.env.DATABASE_URL!;

describe("schema.prisma and prisma/migrations", () => {
  it("describe the same database", async () => {
    expect(await schemaDrift(schema, baseUrl)).toEqual({ onlyInSchema: [], onlyInMigrations: [] });
  });

  it("disagree when a column is added to the schema without a migration", async () => {
    const edited = schema.replace(/model Product \{\n/, "model Product {\n  giftWrap Boolean @default(false)\n");
    expect(edited).not.toBe(schema);
    const drift = await schemaDrift(edited, baseUrl);
    expect(drift.onlyInSchema.some((line) => line.includes("Product | giftWrap"))).toBe(true);
  });
});
