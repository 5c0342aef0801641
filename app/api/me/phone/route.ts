// GET /api/me/phone — the verified number and any code pending; DELETE — remove the verified number
import { getPhoneStatus, removePhone } from "@/lib/accounts/phone";
import { requireUser } from "@/lib/auth/guards";
import { route } from "@/lib/http";

export const GET = route(async (req) => Response.json(await getPhoneStatus((await requireUser(req)).id)));

export const DELETE = route(async (req) => Response.json(await removePhone((await requireUser(req)).id)));
