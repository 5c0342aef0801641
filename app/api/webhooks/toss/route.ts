// POST /api/webhooks/toss — Toss's PAYMENT_STATUS_CHANGED deliveries: recorded once, processed by the worker
import { readCappedText } from "@/lib/body";
import { clientIp } from "@/lib/client-address";
import { route } from "@/lib/http";
import { assertWebhookRate, receiveTossWebhook, WEBHOOK_MAX_BYTES } from "@/lib/payments/webhooks";

// Server-to-server: no Origin to check. Nothing in the body is trusted; the worker looks the payment up.
export const POST = route(
  async (req) => {
    const ip = clientIp(req.headers);
    await assertWebhookRate(ip);
    const receipt = await receiveTossWebhook(await readCappedText(req, WEBHOOK_MAX_BYTES), { ip });
    return Response.json({ ok: true, ...receipt });
  },
  { checkOrigin: false },
);
