// The sign-in route's lock check reads the email from any body a client sends, without trusting its shape
// (a JSON `null` body was a 500, found by the fuzz suite): a body that names no email is checked by address.
import { describe, expect, it } from "vitest";
import { checkSignInLock } from "./sign-in-lock";

const post = (body: string, type = "application/json") =>
  new Request("http://shop.test/api/auth/callback/credentials", { method: "POST", headers: { "content-type": type, "x-forwarded-for": "203.0.113.9" }, body });

describe("checkSignInLock", () => {
  it("accepts any JSON or form body without throwing: null, scalars, arrays, objects, broken JSON", async () => {
    for (const body of ["null", "7", '"x"', "[1]", "{}", '{"email":null}', '{"email":"a@b.c"}', "{"]) {
      await expect(checkSignInLock(post(body)), body).resolves.toBeUndefined();
    }
    await expect(checkSignInLock(post("email=a%40b.c", "application/x-www-form-urlencoded"))).resolves.toBeUndefined();
    await expect(checkSignInLock(post("%%%", "multipart/form-data; boundary=x"))).resolves.toBeUndefined();
  });
});
