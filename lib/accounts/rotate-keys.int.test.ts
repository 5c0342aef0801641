// Key rotation over the real database: rows under an old key move to the current one, their plaintext
// unchanged; rows already current are left alone; a second run finds nothing; the old key can then go.
import { randomBytes, randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decrypt, encrypt, parseKeyRing } from "@/lib/crypto/aead";
import { db } from "@/lib/db";
import { rotateEncryptionKeys } from "./rotate-keys";

const k = () => randomBytes(32).toString("base64");
const [oldId, newId] = [`o${randomUUID().slice(0, 6)}`, `n${randomUUID().slice(0, 6)}`];
const [oldKey, newKey] = [k(), k()];
// The address book's and the order's delivery documents (lib/addresses/codec.ts) are plain ciphertexts too.
const DELIVERY = JSON.stringify({ recipient: "김회전", phone: "+821012345678", postcode: "04524", address: "서울특별시 중구 세종대로 110", detail: "1층", memo: "" });
const before = parseKeyRing(`${oldId}:${oldKey}`);
const after = parseKeyRing(`${newId}:${newKey},${oldId}:${oldKey}`);

describe("rotating the personal-data key", () => {
  it("re-encrypts every old ciphertext under the current key, once, leaving the plaintext as it was", async () => {
    const id = randomUUID();
    await db.user.create({ data: { id, emailHash: `rot-${id}`, nameEnc: encrypt("김회전", before), phoneEnc: encrypt("010-1234-5678", before), addressEnc: null } });
    const alreadyNew = randomUUID();
    const newName = encrypt("이최신", after);
    await db.user.create({ data: { id: alreadyNew, emailHash: `rot-${alreadyNew}`, nameEnc: newName } });
    await db.order.create({ data: { id: `HU-rot-${id.slice(0, 8)}`, userId: id, status: "CANCELLED", amount: 1000, orderName: "x", idempotencyKey: randomUUID(), shippingAddressEnc: encrypt("서울시", before), deliveryEnc: encrypt(DELIVERY, before) } });
    const address = await db.address.create({ data: { userId: id, dataEnc: encrypt(DELIVERY, before), isDefault: true } });

    const report = await rotateEncryptionKeys(after, { batchSize: 1 });
    expect(report.byColumn["User.nameEnc"]).toBeGreaterThanOrEqual(1);
    expect(report.byColumn["User.phoneEnc"]).toBeGreaterThanOrEqual(1);
    expect(report.byColumn["Order.shippingAddressEnc"]).toBeGreaterThanOrEqual(1);
    expect(report.byColumn["Order.deliveryEnc"]).toBeGreaterThanOrEqual(1);
    expect(report.byColumn["Address.dataEnc"]).toBeGreaterThanOrEqual(1);

    const user = await db.user.findUniqueOrThrow({ where: { id } });
    const onlyNew = parseKeyRing(`${newId}:${newKey}`); // the old key is no longer needed for these rows
    expect(decrypt(user.nameEnc!, onlyNew)).toBe("김회전");
    expect(decrypt(user.phoneEnc!, onlyNew)).toBe("010-1234-5678");
    expect(user.addressEnc).toBeNull();
    const order = await db.order.findFirstOrThrow({ where: { userId: id } });
    expect(decrypt(order.shippingAddressEnc!, onlyNew)).toBe("서울시");
    expect(decrypt(order.deliveryEnc!, onlyNew)).toBe(DELIVERY);
    expect(decrypt((await db.address.findUniqueOrThrow({ where: { id: address.id } })).dataEnc, onlyNew)).toBe(DELIVERY);
    expect((await db.user.findUniqueOrThrow({ where: { id: alreadyNew } })).nameEnc).toBe(newName);

    // Nothing of ours is left under the old key: a second run rotates none of these rows.
    const again = await rotateEncryptionKeys(after);
    const ours = await db.user.findMany({ where: { id: { in: [id, alreadyNew] } }, select: { nameEnc: true, phoneEnc: true } });
    expect(ours.flatMap((u) => [u.nameEnc, u.phoneEnc]).filter(Boolean).every((v) => v!.startsWith(`v1.${newId}.`))).toBe(true);
    expect(again.rotated).toBe(0);
  });

  it("leaves values under a key the ring does not hold alone and reports them", async () => {
    const id = randomUUID();
    const stranger = parseKeyRing(`x${randomUUID().slice(0, 6)}:${k()}`);
    const value = encrypt("모르는 키", stranger);
    await db.user.create({ data: { id, emailHash: `rot-${id}`, nameEnc: value } });
    const report = await rotateEncryptionKeys(after);
    expect(report.unreadable).toBeGreaterThanOrEqual(1);
    expect((await db.user.findUniqueOrThrow({ where: { id } })).nameEnc).toBe(value);
  });
});
