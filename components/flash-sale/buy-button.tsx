"use client";
// Buying a limited drop: quantity up to the per-buyer limit, POST /api/orders with a fresh Idempotency-Key
// per attempt (with the chosen size for a product with options), then the order page; every refusal the server can give is said plainly.
import { usePathname, useRouter } from "next/navigation";
import { useState } from "react";
import type { Messages } from "@/lib/i18n/messages";
import { newIdempotencyKey } from "./idempotency-key";

/** `pass`: the waiting room's pass (lib/waiting-room), sent with the order for a drop whose room is on. */
type Props = { productId: string; variantId?: string | null; maxQuantity: number; disabledReason: string | null; t: Messages["shop"]; pass?: string | null; onPassRefused?: () => void };

const passCodes = ["WAITING_ROOM_PASS_REQUIRED", "PASS_INVALID", "PASS_EXPIRED", "PASS_USED"];

function refusal(status: number, code: string | undefined, t: Messages["shop"]): string {
  if (status === 403 && code === "EMAIL_NOT_VERIFIED") return t.errEmailNotVerified;
  if (status === 403 && code === "PHONE_VERIFICATION_REQUIRED") return t.errPhoneRequired;
  const byPass: Record<string, string> = { WAITING_ROOM_PASS_REQUIRED: t.errPassRequired, PASS_INVALID: t.errPassInvalid, PASS_EXPIRED: t.errPassExpired, PASS_USED: t.errPassUsed };
  if (status === 403 && code && byPass[code]) return byPass[code];
  const byCode: Record<string, string> = { SOLD_OUT: t.errSoldOut, NOT_OPEN: t.errNotOpen, ENDED: t.errEnded, LIMIT_EXCEEDED: t.errLimit };
  return (status === 409 && code && byCode[code]) || t.errGeneric;
}

export function BuyButton({ productId, variantId, maxQuantity, disabledReason, t, pass, onPassRefused }: Props) {
  const router = useRouter();
  const pathname = usePathname();
  const [quantity, setQuantity] = useState(1);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [needsPhone, setNeedsPhone] = useState(false);
  const max = Math.max(1, maxQuantity);

  async function buy() {
    setPending(true);
    setError(null);
    try {
      const res = await fetch("/api/orders", {
        method: "POST",
        headers: { "content-type": "application/json", "idempotency-key": newIdempotencyKey(), ...(pass ? { "x-waiting-room-pass": pass } : {}) },
        body: JSON.stringify({ source: "buy-now", items: [{ productId, ...(variantId && { variantId }), quantity: Math.min(quantity, max) }] }),
      });
      if (res.status === 201) {
        const { order } = (await res.json()) as { order: { id: string } };
        return router.push(`/orders/${order.id}`);
      }
      if (res.status === 401) return router.push(`/signin?callbackUrl=${encodeURIComponent(pathname)}`);
      const body = (await res.json().catch(() => null)) as { error?: { code?: string } } | null;
      setError(refusal(res.status, body?.error?.code, t));
      setNeedsPhone(body?.error?.code === "PHONE_VERIFICATION_REQUIRED");
      if (res.status === 403 && passCodes.includes(body?.error?.code ?? "")) onPassRefused?.();
    } catch {
      setError(t.errGeneric);
    }
    setPending(false);
  }

  const disabled = disabledReason !== null || pending;
  return (
    <div className="space-y-3">
      <div className="flex items-end gap-3">
        <label className="grid gap-1 text-sm">
          <span className="font-semibold">{t.quantity}</span>
          <select value={quantity} onChange={(e) => setQuantity(Number(e.target.value))} disabled={disabledReason !== null} className="rounded-lg border border-neutral-300 px-3 py-2">
            {Array.from({ length: max }, (_, i) => i + 1).map((n) => (
              <option key={n} value={n}>{n}</option>
            ))}
          </select>
        </label>
        <button
          type="button"
          onClick={buy}
          disabled={disabled}
          aria-busy={pending}
          data-testid="buy-button"
          className="flex-1 rounded-lg bg-brand-500 px-6 py-3 text-lg font-bold text-white hover:bg-brand-600 disabled:cursor-not-allowed disabled:bg-neutral-300 disabled:text-neutral-600"
        >
          {pending ? t.buying : (disabledReason ?? t.buy)}
        </button>
      </div>
      {error && (
        <p role="alert" className="text-sm font-medium text-red-700">
          {error}
          {needsPhone && (
            <>
              {" "}
              <a href="/account#phone" className="underline" data-testid="verify-phone-link">{t.verifyPhoneLink}</a>
            </>
          )}
        </p>
      )}
    </div>
  );
}
