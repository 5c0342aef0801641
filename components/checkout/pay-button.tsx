// Placeholder for the payment step: the payments work replaces this file (Toss's widget or the stand-in
// payment page). Rendered on the order page while the order awaits payment; `order` is its contract.
import { getMessages } from "@/lib/i18n/server";

type Props = { order: { id: string; status: string; amount: number; orderName: string } };

export async function PayButton({ order }: Props) {
  if (order.status !== "PENDING_PAYMENT") return null;
  const t = (await getMessages()).orders;
  return (
    <button type="button" disabled data-testid="pay-button" className="w-full cursor-not-allowed rounded-lg bg-neutral-300 py-3 font-semibold text-white">
      {t.payComing}
    </button>
  );
}

export default PayButton;
