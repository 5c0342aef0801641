// The buy path's zod-free reads (plainBuyNow, plainIdempotencyKey) against the schemas they stand in for:
// whatever they accept, the schema accepts with the very same output; what they decline, the schema reads.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkoutSchema, idempotencyKeySchema, plainBuyNow, plainIdempotencyKey } from "./schemas";

const uuid = "0b7c9a52-3f1e-4d2a-9b8c-1e2f3a4b5c6d";
const variant = "7d4e2c1b-9a8f-4e6d-8c5b-4a3f2e1d0c9b";

// Bodies near the opening's shape: right and wrong ids, quantities, extra or missing fields, other types.
const id = fc.oneof(fc.uuid(), fc.constant(uuid), fc.constant(uuid.toUpperCase()), fc.string(), fc.constant("00000000-0000-0000-0000-000000000000"), fc.integer());
const quantity = fc.oneof(fc.integer({ min: -2, max: 103 }), fc.double(), fc.constant("1"), fc.constant(null));
const line = fc.record(
  { productId: id, variantId: fc.oneof(id, fc.constant(null)), quantity, extra: fc.string() },
  { requiredKeys: [] },
);
// …and bodies of the opening's very shape, mostly right, so that acceptance is exercised often.
const near = fc.record(
  { productId: fc.oneof(fc.uuid(), id), variantId: fc.uuid(), quantity: fc.oneof(fc.integer({ min: 0, max: 101 }), quantity) },
  { requiredKeys: ["productId", "quantity"] },
);
const body = fc.oneof(
  fc.record({ items: fc.tuple(near) }),
  fc.record({ items: fc.array(line, { maxLength: 3 }) }),
  fc.record({ items: fc.array(line, { maxLength: 2 }), source: fc.constantFrom("buy-now", "cart", "wishlist"), addressId: id }, { requiredKeys: ["items"] }),
  fc.constant(null),
  fc.array(line),
  fc.jsonValue(),
);

describe("plainBuyNow", () => {
  it("reads the opening's bodies, with or without a variant, as checkoutSchema does", () => {
    for (const b of [{ items: [{ productId: uuid, quantity: 1 }] }, { items: [{ productId: uuid, variantId: variant, quantity: 100 }] }]) {
      const plain = plainBuyNow(JSON.parse(JSON.stringify(b)));
      expect(plain).not.toBeNull();
      expect(plain).toEqual(checkoutSchema.parse(b));
    }
  });

  it("whatever it accepts, checkoutSchema accepts with the same output", () => {
    let accepted = 0;
    fc.assert(
      fc.property(body, (b) => {
        const json = JSON.parse(JSON.stringify(b)) as unknown; // what readJson hands over
        const plain = plainBuyNow(json);
        if (plain === null) return;
        accepted++;
        const parsed = checkoutSchema.safeParse(json);
        expect(parsed.success).toBe(true);
        expect(plain).toStrictEqual(parsed.data);
      }),
      { numRuns: 5_000 },
    );
    expect(accepted).toBeGreaterThan(200); // the property was exercised, not vacuously true
  });

  it("declines what it does not know, leaving it (and its errors) to the schema", () => {
    for (const b of [
      { items: [{ productId: uuid, quantity: 0 }] },
      { items: [{ productId: uuid, quantity: 1.5 }] },
      { items: [{ productId: "nope", quantity: 1 }] },
      { items: [{ productId: uuid, quantity: 1, variantId: null }] },
      { items: [{ productId: uuid, quantity: 1 }], addressId: uuid },
      { items: [{ productId: uuid, quantity: 1 }, { productId: variant, quantity: 1 }] },
      { items: [{ productId: uuid, quantity: 1, note: "x" }] },
      JSON.parse(`{"items":[{"productId":"${uuid}","quantity":1}],"__proto__":{}}`),
      [{ productId: uuid, quantity: 1 }],
    ]) expect(plainBuyNow(b)).toBeNull();
  });
});

describe("plainIdempotencyKey", () => {
  it("accepts only keys the schema takes unchanged", () => {
    const key = fc.oneof(fc.string({ maxLength: 310 }), fc.string({ unit: fc.constantFrom("a", "Z", "-", "~", "!", " ", "\t", "é", "\u0000", "\u007f"), maxLength: 310 }), fc.uuid());
    let accepted = 0;
    fc.assert(
      fc.property(key, (k) => {
        if (!plainIdempotencyKey(k)) return;
        accepted++;
        const parsed = idempotencyKeySchema.safeParse(k);
        expect(parsed.success).toBe(true);
        expect(parsed.data).toBe(k);
      }),
      { numRuns: 5_000 },
    );
    expect(accepted).toBeGreaterThan(20);
    expect(plainIdempotencyKey("bench-1-2-3")).toBe(true);
    expect(["short", " padded-key ", "a".repeat(301), "clé-unique-1"].map(plainIdempotencyKey)).toEqual([false, false, false, false]);
  });
});
