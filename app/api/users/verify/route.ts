// POST /api/users/verify — confirm an email address with the token from the mail
import { verifySchema } from "@/lib/accounts/schemas";
import { verifyEmail } from "@/lib/accounts/signup";
import { readJson } from "@/lib/body";
import { route } from "@/lib/http";
import { parseInput } from "@/lib/validation";

export const POST = route(async (req) => {
  const { token } = parseInput(verifySchema, await readJson(req));
  await verifyEmail(token);
  return Response.json({ status: "verified" });
});
