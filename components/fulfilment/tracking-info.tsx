// What the buyer sees of the shipment: courier, number and a link to the courier's tracking page.
import { courierName, trackingUrl } from "@/lib/fulfilment/couriers";
import type { Locale } from "@/lib/i18n/config";
import type { Messages } from "@/lib/i18n/messages";

type Shipment = { courier: string; trackingNumber: string };

export function TrackingInfo({ shipment, t, locale }: { shipment: Shipment; t: Messages["fulfilment"]; locale: Locale }) {
  const url = trackingUrl(shipment.courier, shipment.trackingNumber);
  return (
    <section className="space-y-1 rounded-lg border border-sky-200 bg-sky-50 p-4 text-sm" data-testid="order-tracking">
      <h2 className="font-semibold">{t.buyer.shipment}</h2>
      <p>
        {t.buyer.courier}: <span data-testid="tracking-courier">{courierName(shipment.courier, locale)}</span> · {t.buyer.trackingNumber}:{" "}
        <span className="font-mono" data-testid="tracking-number">{shipment.trackingNumber}</span>
      </p>
      {url && (
        <a href={url} target="_blank" rel="noopener noreferrer" className="font-medium underline" data-testid="tracking-link">
          {t.buyer.track}
        </a>
      )}
    </section>
  );
}
