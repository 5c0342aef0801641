// GET /api/uploads/{key} — an uploaded image, served only from inside the upload folder
import { AppError } from "@/lib/errors";
import { route } from "@/lib/http";
import { isSafeKey, storage } from "@/lib/storage";

export const GET = route<{ path: string[] }>(async (_req, { params }) => {
  const { path } = params;
  const key = path.join("/");
  const file = isSafeKey(key) ? await storage().get(key) : null;
  if (!file) throw new AppError("NOT_FOUND", "no such file");
  return new Response(Buffer.from(file.data), {
    headers: {
      "content-type": file.contentType,
      "x-content-type-options": "nosniff",
      "content-security-policy": "default-src 'none'; sandbox",
      // Keys are fresh UUIDs: a stored file never changes.
      "cache-control": "public, max-age=31536000, immutable",
    },
  });
});
