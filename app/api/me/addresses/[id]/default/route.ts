// POST /api/me/addresses/{id}/default — make one of the caller's addresses the default
import { handleSetDefaultAddress } from "@/lib/addresses/handlers";
import { route } from "@/lib/http";

export const POST = route<{ id: string }>(async (req, { params }) => handleSetDefaultAddress(req, params.id));
