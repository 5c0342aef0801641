// What a browser makes of the findable parts: a product page whose uploaded picture arrives resized as WebP
// from /_next/image, JSON-LD that does not trip the CSP, the legal footer, and the icons a tab shows.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import sharp from "sharp";
import { closeE2eDb, createE2eProduct } from "./support/db";
import { expect, test } from "./support/test";

test.afterAll(closeE2eDb);

test("a product page: optimized picture, structured data without CSP complaints, legal footer, icons", async ({ page }) => {
  // scripts/e2e.sh gives the server a fresh UPLOAD_DIR and exports it: a stored upload, as a seller's would be.
  const dir = join(process.env.UPLOAD_DIR!, "e2e-findable");
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "photo.png"), await sharp({ create: { width: 1800, height: 1800, channels: 3, background: "#2a9d8f" } }).png().toBuffer());
  writeFileSync(join(dir, "photo.png.type"), "image/png"); // the local storage's sidecar (lib/storage/local-disk.ts)
  const product = await createE2eProduct({ name: "E2E 검색 머그컵", price: 15_900, units: 5, images: ["/api/uploads/e2e-findable/photo.png"] });

  const complaints: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) complaints.push(m.text());
  });
  const optimized: { url: string; type: string | undefined }[] = [];
  page.on("response", (r) => {
    if (r.url().includes("/_next/image")) optimized.push({ url: r.url(), type: r.headers()["content-type"] });
  });

  await page.goto(`/products/${product.id}`);
  const main = page.getByTestId("gallery-main");
  await expect(main).toBeVisible();
  await expect.poll(() => main.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
  const src = await main.evaluate((img: HTMLImageElement) => img.currentSrc);
  expect(src).toContain("/_next/image?url=%2Fapi%2Fuploads%2Fe2e-findable%2Fphoto.png");
  expect(optimized.find((o) => o.url === src)?.type).toBe("image/webp");
  // Resized to the layout (half the viewport), not the 1800-pixel original.
  expect(await main.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeLessThan(1800);

  const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? "null");
  expect(ld.offers).toMatchObject({ price: 15_900, priceCurrency: "KRW", availability: "https://schema.org/InStock" });

  const footer = page.getByTestId("legal-footer");
  await expect(footer).toContainText("사업자등록번호");
  await expect(footer).toContainText("통신판매업 신고번호");
  await expect(footer.getByRole("link", { name: "사업자정보 확인" })).toHaveAttribute("href", /ftc\.go\.kr\/bizCommPop\.do\?wrkr_no=\d{10}$/);

  for (const href of await page.locator('link[rel="icon"], link[rel="apple-touch-icon"], link[rel="manifest"]').evaluateAll((ls) => ls.map((l) => (l as HTMLLinkElement).href))) {
    expect((await page.request.get(href)).status(), href).toBe(200);
  }
  expect(complaints).toEqual([]);
});
