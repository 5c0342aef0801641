// POST /api/waiting-room/{productId}/enter — take a place in the drop's waiting room (or keep one's place)
import { route } from "@/lib/http";
import { handleEnterRoom } from "@/lib/waiting-room/handlers";

export const dynamic = "force-dynamic";

export const POST = route<{ productId: string }>((req, { params }) => handleEnterRoom(req, params.productId));
