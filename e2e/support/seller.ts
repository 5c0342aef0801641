// Data for the seller journey written straight into the e2e database: a category of its own (the demo
// seed's catalog may change), and a tiny real PNG to upload.
import { randomUUID } from "node:crypto";
import pg from "pg";

export async function createE2eCategory(nameKo: string): Promise<string> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const id = randomUUID();
    await client.query(`INSERT INTO "Category" ("id", "slug", "nameKo", "nameEn", "sort") VALUES ($1, $2, $3, $3, 999)`, [id, `e2e-seller-${id.slice(0, 8)}`, nameKo]);
    return id;
  } finally {
    await client.end();
  }
}

/** A 1×1 red PNG. */
export const tinyPng = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==",
  "base64",
);

/** `seconds` from now as a datetime-local value in Korean time (what the product form takes). */
export const kstInput = (seconds: number) => new Date(Date.now() + seconds * 1000 + 9 * 3600 * 1000).toISOString().slice(0, 19);
