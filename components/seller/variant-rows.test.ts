import { describe, expect, it } from "vitest";
import { variantsInputSchema } from "@/lib/variants/schemas";
import { sizeRun } from "@/lib/variants/types";
import { inputOf, rowsFor } from "./variant-rows";

describe("the variants editor's rows", () => {
  it("makes one row per size of a 230–300 run by 5, with suggested SKUs, accepted by the schema", () => {
    const axes = [{ name: "사이즈", values: sizeRun(230, 300, 5).join(", ") }];
    const rows = rowsFor(axes, [], "AJ1").map((r, i) => ({ ...r, units: String(i) }));
    expect(rows).toHaveLength(15);
    expect(rows[8]).toMatchObject({ optionValues: ["270"], sku: "AJ1-270", units: "8" });
    const parsed = variantsInputSchema.safeParse(inputOf(axes, rows));
    expect(parsed.success).toBe(true);
    expect(parsed.data?.variants.reduce((s, v) => s + v.units, 0)).toBe(105);
  });

  it("keeps what was typed for a combination when an axis grows, and drops rows of removed values", () => {
    const first = rowsFor([{ name: "사이즈", values: "260, 270" }], [], "X").map((r) => ({ ...r, units: "5" }));
    const next = rowsFor([{ name: "사이즈", values: "270, 280" }], first, "X");
    expect(next.map((r) => [r.optionValues[0], r.units])).toEqual([["270", "5"], ["280", "0"]]);
  });

  it("leaves a bad figure for the schema to report on its field", () => {
    const axes = [{ name: "사이즈", values: "270" }];
    const rows = [{ optionValues: ["270"], sku: "X-270", units: "", priceDelta: "0" }];
    const parsed = variantsInputSchema.safeParse(inputOf(axes, rows));
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path.join("."))).toContain("variants.0.units");
  });
});
