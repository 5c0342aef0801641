// The API reference page in a real browser: Swagger UI, bundled from npm and served by the shop under its
// own Content-Security-Policy, renders every tag of /api/openapi.json and opens an operation.
import { expect, test } from "./support/test";

test("the API reference renders the OpenAPI document, with no CSP violation", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" && /Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
  });
  await page.goto("/api-docs");
  await expect(page.getByRole("heading", { name: "API 문서" })).toBeVisible();
  const reference = page.getByTestId("api-reference");
  await expect(reference.getByText("Hurry Up API")).toBeVisible();
  for (const tag of ["Catalog", "Orders", "Payments", "Seller"]) await expect(reference.locator(`[data-tag="${tag}"]`)).toBeVisible();
  await reference.locator("#operations-Payments-getApiPaymentsFail").click();
  await expect(reference.locator("#operations-Payments-getApiPaymentsFail").getByRole("row", { name: /orderId \*required/ })).toBeVisible();
  expect(violations).toEqual([]);
});
