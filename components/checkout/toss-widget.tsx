"use client";
// Toss's payment widget (only when NEXT_PUBLIC_TOSS_CLIENT_KEY is set). The SDK loads its script from
// Toss's CDN, so this path needs the internet; offline the stand-in page is used instead.
import { ANONYMOUS, loadTossPayments, type TossPaymentsWidgets } from "@tosspayments/tosspayments-sdk";
import { useEffect, useRef, useState } from "react";

type Props = {
  clientKey: string;
  orderId: string;
  orderName: string;
  amount: number;
  successUrl: string;
  failUrl: string;
  labels: { pay: string; loading: string };
};

export function TossWidget({ clientKey, orderId, orderName, amount, successUrl, failUrl, labels }: Props) {
  const widgets = useRef<TossPaymentsWidgets | null>(null);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    let cancelled = false;
    (async () => {
      const toss = await loadTossPayments(clientKey);
      const w = toss.widgets({ customerKey: ANONYMOUS });
      await w.setAmount({ currency: "KRW", value: amount });
      await Promise.all([w.renderPaymentMethods({ selector: "#toss-payment-methods" }), w.renderAgreement({ selector: "#toss-agreement" })]);
      if (!cancelled) {
        widgets.current = w;
        setReady(true);
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [clientKey, amount]);

  return (
    <div className="space-y-3" data-testid="pay-button">
      <div id="toss-payment-methods" />
      <div id="toss-agreement" />
      <button
        type="button"
        disabled={!ready}
        onClick={() => widgets.current?.requestPayment({ orderId, orderName, successUrl, failUrl })}
        className="w-full rounded-lg bg-black px-4 py-3 font-semibold text-white disabled:opacity-50"
      >
        {ready ? labels.pay : labels.loading}
      </button>
    </div>
  );
}
