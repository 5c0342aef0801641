// GET /api/waiting-room/{productId}?after= — the buyer's place in the drop's waiting room (long poll)
import { route } from "@/lib/http";
import { handleRoomStatus } from "@/lib/waiting-room/handlers";

export const dynamic = "force-dynamic";

export const GET = route<{ productId: string }>((req, { params }) => handleRoomStatus(req, params.productId));
