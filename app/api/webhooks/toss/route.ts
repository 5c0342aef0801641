// POST /api/webhooks/toss — Toss's PAYMENT_STATUS_CHANGED deliveries: recorded once, processed by the worker
import { clientIp } from "@/lib/client-address";
import { route } from "@/lib/http";
import { assertWebhookRate, receiveTossWebhook, WEBHOOK_MAX_BYTES } from "@/lib/payments/webhooks";

const tooLarge = () => Response.json({ error: { code: "PAYLOAD_TOO_LARGE", message: "Body too large" } }, { status: 413 });

/** Reads at most `max` bytes; null when the body is larger (the rest is never buffered). */
async function readCapped(req: Request, max: number): Promise<string | null> {
  if (Number(req.headers.get("content-length") ?? 0) > max) return null;
  if (!req.body) return "";
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

// Server-to-server: no Origin to check. Nothing in the body is trusted; the worker looks the payment up.
export const POST = route(
  async (req) => {
    const ip = clientIp(req.headers);
    await assertWebhookRate(ip);
    const body = await readCapped(req, WEBHOOK_MAX_BYTES);
    if (body === null) return tooLarge();
    const receipt = await receiveTossWebhook(body, { ip });
    return Response.json({ ok: true, ...receipt });
  },
  { checkOrigin: false },
);
