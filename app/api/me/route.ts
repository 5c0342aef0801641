// GET|PATCH|DELETE /api/me — the signed-in user's profile: read, edit, delete (password required)
import { deleteAccount, updateProfile } from "@/lib/accounts/profile";
import { getProfileOrThrow } from "@/lib/accounts/queries";
import { clearSessionCookieHeader } from "@/lib/auth/cookie";
import { requireUser } from "@/lib/auth/guards";
import { readJson } from "@/lib/body";
import { route } from "@/lib/http";

export const GET = route(async (req) => {
  const user = await requireUser(req);
  return Response.json(await getProfileOrThrow(user.id));
});

export const PATCH = route(async (req) => {
  const user = await requireUser(req);
  return Response.json(await updateProfile(user.id, await readJson(req)));
});

export const DELETE = route(async (req) => {
  const user = await requireUser(req);
  await deleteAccount(user.id, await readJson(req));
  return new Response(null, { status: 204, headers: { "set-cookie": clearSessionCookieHeader() } });
});
