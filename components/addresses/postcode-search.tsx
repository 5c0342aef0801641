"use client";
// The Kakao (Daum) postcode search, loaded only when the buyer asks for it: the script is added on the first
// click (never on page load), and the search is embedded under the button. When the script cannot load
// (offline, blocked, Kakao down) the button says so and stays off; the fields beside it are typed by hand
// and validated like any other input. The CSP allows exactly its hosts (lib/security-headers.ts).
import { useRef, useState } from "react";
import type { Messages } from "@/lib/i18n/messages";

const SCRIPT = "https://t1.daumcdn.net/mapjsapi/bundle/postcode/prod/postcode.v2.js";
/** A script that has not loaded by then is treated as unavailable (a hanging connection must not hang the form). */
const LOAD_TIMEOUT_MS = 8_000;

type PostcodeData = { zonecode: string; roadAddress: string; address: string; buildingName?: string };
type Daum = { Postcode: new (o: { oncomplete: (d: PostcodeData) => void; width?: string; height?: string }) => { embed: (el: HTMLElement) => void } };
declare global {
  interface Window {
    daum?: Daum;
  }
}

let loading: Promise<Daum> | null = null;

function loadPostcode(): Promise<Daum> {
  if (window.daum?.Postcode) return Promise.resolve(window.daum);
  loading ??= new Promise<Daum>((resolve, reject) => {
    const s = document.createElement("script");
    const timer = setTimeout(() => reject(new Error("postcode script timed out")), LOAD_TIMEOUT_MS);
    s.src = SCRIPT;
    s.async = true;
    s.onload = () => (clearTimeout(timer), window.daum?.Postcode ? resolve(window.daum) : reject(new Error("no daum.Postcode")));
    s.onerror = () => (clearTimeout(timer), reject(new Error("postcode script failed")));
    document.head.appendChild(s);
  }).catch((err: unknown) => {
    loading = null; // a later click may try again (the network may be back)
    throw err;
  });
  return loading;
}

type Props = { onPick: (v: { postcode: string; address: string }) => void; t: Messages["address"] };

export function PostcodeSearch({ onPick, t }: Props) {
  const [state, setState] = useState<"idle" | "loading" | "open" | "unavailable">("idle");
  const frame = useRef<HTMLDivElement>(null);

  async function open() {
    setState("loading");
    try {
      const daum = await loadPostcode();
      setState("open");
      new daum.Postcode({
        width: "100%",
        height: "100%",
        oncomplete: (d) => {
          onPick({ postcode: d.zonecode, address: d.roadAddress || d.address });
          setState("idle");
        },
      }).embed(frame.current!);
    } catch {
      setState("unavailable");
    }
  }

  return (
    <div className="space-y-2">
      <button
        type="button"
        onClick={open}
        disabled={state === "loading"}
        data-testid="postcode-search"
        className="rounded-lg border border-zinc-300 bg-white px-3 py-2 text-sm font-medium hover:bg-zinc-100 disabled:opacity-60"
      >
        {state === "loading" ? t.searchLoading : t.search}
      </button>
      {state === "unavailable" && (
        <p role="status" className="text-xs text-amber-700" data-testid="postcode-unavailable">
          {t.searchUnavailable}
        </p>
      )}
      <div ref={frame} className={state === "open" ? "h-96 w-full overflow-hidden rounded-lg border border-zinc-300" : "hidden"} />
    </div>
  );
}
