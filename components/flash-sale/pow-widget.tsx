"use client";
// The proof of work that entering a waiting room costs (ALTCHA, self-hosted): the widget fetches a challenge
// bound to this buyer and drop and solves it on its own as soon as it is shown (auto="onload"), in workers,
// in well under a second — a person sees a ticked box; a fleet pays for every entry. Loaded in the browser
// only (the widget is a custom element).
import { useEffect, useRef, useState } from "react";
import type {} from "altcha/types/react";

type Props = { productId: string; language: string; onPayload: (payload: string | null) => void };

export function PowWidget({ productId, language, onPayload }: Props) {
  const ref = useRef<HTMLElement>(null);
  const [ready, setReady] = useState(false);
  const report = useRef(onPayload);
  useEffect(() => {
    report.current = onPayload;
  }, [onPayload]);

  useEffect(() => {
    let live = true;
    void import("altcha").then(() => import("altcha/i18n/ko")).then(() => live && setReady(true));
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    const el = ref.current;
    if (!ready || !el) return;
    const onState = (e: Event) => {
      const { state, payload } = (e as CustomEvent<{ state: string; payload?: string }>).detail;
      report.current(state === "verified" && payload ? payload : null);
    };
    el.addEventListener("statechange", onState);
    return () => el.removeEventListener("statechange", onState);
  }, [ready]);

  if (!ready) return null;
  return <altcha-widget ref={ref} challenge={`/api/waiting-room/${productId}/challenge`} auto="onload" language={language} name="altcha" data-testid="pow-widget" />;
}
