"use client";
// A drop's waiting room on the product page: enter (a proof of work the browser solves by itself), then an
// honest view of one's place — position, people ahead, an estimate, units left — kept live by long polling
// (the server answers when something changed; one Redis read per buyer per second behind it). When the turn
// comes the buy button unlocks with the signed pass; sold out tells everyone still waiting at once.
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useState } from "react";
import type { Locale } from "@/lib/i18n/config";
import { fill } from "@/lib/i18n/fill";
import { formatDateTime } from "@/lib/i18n/format";
import type { Messages } from "@/lib/i18n/messages";
import type { RoomView } from "@/lib/waiting-room/view";
import { BuyButton } from "./buy-button";
import { PowWidget } from "./pow-widget";

/** `variantId`: the size chosen above (docs/variants.md); `blockedReason` keeps the buy button shut until one is. */
type Props = { productId: string; variantId?: string | null; blockedReason?: string | null; maxQuantity: number; t: Messages["shop"]; locale: Locale };

/** States after which nothing more will happen for this buyer: the page stops asking. */
const FINAL = new Set(["sold_out", "ended", "used", "off", "elsewhere"]);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function duration(seconds: number, t: Messages["shop"]["room"]) {
  const s = Math.max(0, Math.ceil(seconds));
  return s < 60 ? fill(t.seconds, { n: s }) : fill(t.minutes, { m: Math.floor(s / 60), s: s % 60 });
}

/** The enter route's refusals by the room's caps (403 ROOM_DEVICE_CAP / ROOM_RANGE_CAP). */
const capErrors = (r: Messages["shop"]["room"]): Record<string, string> => ({ ROOM_DEVICE_CAP: r.capDevice, ROOM_RANGE_CAP: r.capRange });

/** Keeps the room's view fresh; `restart` begins a new round after an entry or a refused pass. */
function useRoom(productId: string) {
  const [view, setView] = useState<RoomView | null>(null);
  const [offsetMs, setOffsetMs] = useState(0);
  const [signedOut, setSignedOut] = useState(false);
  const [paused, setPaused] = useState(false);
  const [round, setRound] = useState(0);

  useEffect(() => {
    let stop = false;
    const ctrl = new AbortController();
    let after: string | undefined;
    let failures = 0;
    const backOff = () => sleep(Math.min(30_000, 1000 * 2 ** failures++) * (0.75 + Math.random() / 2));
    (async () => {
      while (!stop) {
        let res: Response;
        let answer: { room: RoomView; fingerprint: string } | undefined;
        // The body is read inside the same guard as the request: leaving the page (or a new round) aborts a
        // long poll whose answer may be arriving, and that abort must end the loop, not escape it.
        try {
          res = await fetch(`/api/waiting-room/${productId}${after ? `?after=${encodeURIComponent(after)}` : ""}`, { cache: "no-store", signal: ctrl.signal });
          if (res.ok) answer = (await res.json()) as { room: RoomView; fingerprint: string };
        } catch {
          if (stop) return;
          await backOff();
          continue;
        }
        if (res.status === 401) return setSignedOut(true);
        if (!answer) {
          setPaused(res.status === 503);
          const retry = Number(res.headers.get("retry-after"));
          await (retry > 0 ? sleep(retry * 1000) : backOff());
          continue;
        }
        const { room, fingerprint } = answer;
        failures = 0;
        setPaused(false);
        setView(room);
        setOffsetMs(Date.parse(room.serverTime) - Date.now());
        after = fingerprint;
        if (FINAL.has(room.state)) return;
        if (room.state === "admitted" && room.passExpiresAt) {
          // Nothing to wait for until the pass runs out: then one question (used, or the turn lost).
          await sleep(Math.max(0, Date.parse(room.passExpiresAt) - Date.parse(room.serverTime)) + 500);
          after = undefined;
          continue;
        }
        await sleep(500);
      }
    })();
    return () => {
      stop = true;
      ctrl.abort();
    };
  }, [productId, round]);

  return { view, setView, offsetMs, signedOut, paused, restart: () => setRound((r) => r + 1) };
}

export function WaitingRoom({ productId, variantId, blockedReason = null, maxQuantity, t, locale }: Props) {
  const r = t.room;
  const pathname = usePathname();
  const { view, setView, offsetMs, signedOut, paused, restart } = useRoom(productId);
  const [payload, setPayload] = useState<string | null>(null);
  const [entering, setEntering] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(id);
  }, []);

  async function enter() {
    if (!payload) return;
    setEntering(true);
    setError(null);
    const res = await fetch(`/api/waiting-room/${productId}/enter`, {
      method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ altcha: payload }),
    }).catch(() => null);
    setEntering(false);
    setPayload(null);
    if (res?.ok) {
      setView(((await res.json()) as { room: RoomView }).room);
      return restart();
    }
    const code = res?.status === 403 ? ((await res.json().catch(() => null)) as { error?: { code?: string } } | null)?.error?.code : undefined;
    setError(capErrors(r)[code ?? ""] ?? (res?.status === 422 ? r.powFailed : res?.status === 503 ? r.paused : t.errGeneric));
  }

  if (signedOut) {
    return (
      <p className="text-sm" data-testid="room-signin">
        {r.signIn} <Link className="font-semibold text-brand-600 underline" href={`/signin?callbackUrl=${encodeURIComponent(pathname)}`}>{r.signInLink}</Link>
      </p>
    );
  }
  if (!view) return <p className="text-sm text-neutral-500" data-testid="room-loading">{r.title}…</p>;
  if (view.state === "off") return <BuyButton productId={productId} variantId={variantId} maxQuantity={maxQuantity} disabledReason={blockedReason} t={t} />;

  const canEnter = view.state === "outside" || view.state === "lost";
  const row = (label: string, value: string, testId: string) => (
    <>
      <dt className="text-neutral-500">{label}</dt>
      <dd className="text-right font-semibold tabular-nums" data-testid={testId}>{value}</dd>
    </>
  );
  return (
    <section className="space-y-3 rounded-xl bg-neutral-50 p-4" aria-label={r.title} aria-live="polite" data-testid="waiting-room" data-state={view.state}>
      <h2 className="font-bold">{r.title}</h2>
      {paused && <p role="status" className="text-sm text-amber-700">{r.paused}</p>}
      {view.state === "too_early" && <p className="text-sm">{fill(r.tooEarly, { at: formatDateTime(view.entryOpensAt!, locale), minutes: Math.round((Date.parse(view.opensAt!) - Date.parse(view.entryOpensAt!)) / 60_000) })}</p>}
      {canEnter && (
        <div className="space-y-2">
          <p className="text-sm">{view.state === "lost" ? r.lost : r.enterHint}</p>
          <PowWidget productId={productId} language={locale} onPayload={setPayload} />
          <button type="button" onClick={enter} disabled={!payload || entering} data-testid="room-enter"
            className="w-full rounded-lg bg-neutral-900 px-4 py-3 font-bold text-white disabled:cursor-not-allowed disabled:bg-neutral-300 disabled:text-neutral-600">
            {entering ? r.entering : !payload ? r.checking : view.state === "lost" ? r.rejoin : r.enter}
          </button>
          {error && <p role="alert" className="text-sm text-red-700">{error}</p>}
        </div>
      )}
      {view.state === "prequeue" && (
        <div className="space-y-1 text-sm">
          <p data-testid="room-prequeue">{r.prequeue}</p>
          <p className="text-neutral-600" data-testid="room-waiting-count">{fill(r.prequeueCount, { n: view.waiting })}</p>
        </div>
      )}
      {(view.state === "waiting" || view.state === "admitted") && (
        <dl className="grid grid-cols-2 gap-1 text-sm">
          {row(r.position, fill(r.positionValue, { n: view.position ?? 0 }), "room-position")}
          {row(r.ahead, fill(r.aheadValue, { n: view.ahead ?? 0 }), "room-ahead")}
          {view.state === "waiting" && view.estimateSeconds !== null && row(r.estimate, duration(view.estimateSeconds, r), "room-estimate")}
          {row(r.unitsLeft, fill(r.unitsValue, { n: view.available }), "room-units")}
        </dl>
      )}
      {view.state === "waiting" && <p className="text-xs text-neutral-500">{fill(r.rate, { n: view.rate })} · {r.refreshKeeps}</p>}
      {view.state === "admitted" && (
        <>
          <p className="font-semibold text-green-700" data-testid="room-admitted">
            {fill(r.admitted, { time: duration((Date.parse(view.passExpiresAt!) - (now + offsetMs)) / 1000, r) })}
          </p>
          <BuyButton productId={productId} variantId={variantId} maxQuantity={maxQuantity} disabledReason={blockedReason} t={t} pass={view.pass} onPassRefused={restart} />
        </>
      )}
      {view.state === "used" && <p className="text-sm" data-testid="room-used">{r.used}</p>}
      {view.state === "elsewhere" && <p className="text-sm" data-testid="room-elsewhere">{r.elsewhere}</p>}
      {view.state === "sold_out" && <p role="status" className="font-semibold" data-testid="room-sold-out">{r.soldOut}</p>}
      {view.state === "ended" && <p role="status" className="font-semibold" data-testid="room-ended">{r.ended}</p>}
    </section>
  );
}
