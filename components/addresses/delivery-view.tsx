// An order's delivery details as the buyer and the order's seller see them (decrypted on the server for
// exactly those two): recipient, mobile number, full address and the delivery memo.
import { formatMobile } from "@/lib/accounts/phone-number";
import type { Delivery } from "@/lib/addresses/schemas";
import type { Messages } from "@/lib/i18n/messages";

export function DeliveryView({ delivery, t }: { delivery: Delivery | null; t: Messages["address"] }) {
  if (!delivery) return <p data-testid="order-delivery" className="text-sm text-neutral-500">{t.none}</p>;
  return (
    <dl data-testid="order-delivery" className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-1 text-sm">
      <dt className="text-neutral-500">{t.recipient}</dt>
      <dd data-testid="delivery-recipient" data-user-content>{delivery.recipient}</dd>
      <dt className="text-neutral-500">{t.phone}</dt>
      <dd data-testid="delivery-phone">{formatMobile(delivery.phone)}</dd>
      <dt className="text-neutral-500">{t.address}</dt>
      <dd data-testid="delivery-address" data-user-content>
        ({delivery.postcode}) {delivery.address}
        {delivery.detail && ` ${delivery.detail}`}
      </dd>
      {delivery.memo && (
        <>
          <dt className="text-neutral-500">{t.memo}</dt>
          <dd data-testid="delivery-memo" data-user-content>{delivery.memo}</dd>
        </>
      )}
    </dl>
  );
}

/** One line for a saved entry in a chooser. */
export const savedLine = (a: Delivery) => `${a.recipient} · (${a.postcode}) ${a.address}${a.detail ? ` ${a.detail}` : ""}`;
