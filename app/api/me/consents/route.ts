// GET|PATCH /api/me/consents — the account's consents (time and version of each); PATCH changes marketing
import { getConsents, setMarketingConsent } from "@/lib/accounts/consent";
import { requireUser } from "@/lib/auth/guards";
import { readJson } from "@/lib/body";
import { route } from "@/lib/http";

export const GET = route(async (req) => {
  const user = await requireUser(req);
  return Response.json({ consents: await getConsents(user.id) });
});

export const PATCH = route(async (req) => {
  const user = await requireUser(req);
  return Response.json({ consents: await setMarketingConsent(user.id, await readJson(req)) });
});
