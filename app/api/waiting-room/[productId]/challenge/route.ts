// GET /api/waiting-room/{productId}/challenge — the proof of work (ALTCHA) that entering the room costs
import { route } from "@/lib/http";
import { handleRoomChallenge } from "@/lib/waiting-room/handlers";

export const dynamic = "force-dynamic";

export const GET = route<{ productId: string }>((req, { params }) => handleRoomChallenge(req, params.productId));
