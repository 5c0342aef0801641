// POST /api/webhooks/toss — Toss's PAYMENT_STATUS_CHANGED deliveries: recorded once, processed by the worker
import { route } from "@/lib/http";
import { receiveTossWebhook } from "@/lib/payments/webhooks";

// Server-to-server: no Origin to check. Nothing in the body is trusted; the worker looks the payment up.
export const POST = route(
  async (req) => {
    const { duplicate } = await receiveTossWebhook(await req.text());
    return Response.json({ ok: true, duplicate });
  },
  { checkOrigin: false },
);
