// POST /api/users/password-reset/confirm — set a new password with the mail's token (every session is revoked)
import { resetPassword } from "@/lib/accounts/password-reset";
import { readJson } from "@/lib/body";
import { route } from "@/lib/http";

export const POST = route(async (req) => Response.json(await resetPassword(await readJson(req))));
