// PUT|DELETE /api/me/addresses/{id} — replace or delete one of the caller's addresses (anyone else's is 404)
import { handleDeleteAddress, handleUpdateAddress } from "@/lib/addresses/handlers";
import { route } from "@/lib/http";

export const PUT = route<{ id: string }>(async (req, { params }) => handleUpdateAddress(req, params.id));
export const DELETE = route<{ id: string }>(async (req, { params }) => handleDeleteAddress(req, params.id));
