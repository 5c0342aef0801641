// Random single-use tokens: the raw value goes to the user, only its SHA-256 is stored.
import { createHash, randomBytes } from "node:crypto";

export const randomToken = (bytes = 32) => randomBytes(bytes).toString("base64url");
export const hashToken = (token: string) => createHash("sha256").update(token).digest("base64url");
