// GET|POST /api/me/addresses — the caller's address book: list, add (at most 10; the first is the default)
import { handleCreateAddress, handleListAddresses } from "@/lib/addresses/handlers";
import { route } from "@/lib/http";

export const GET = route(handleListAddresses);
export const POST = route(handleCreateAddress);
