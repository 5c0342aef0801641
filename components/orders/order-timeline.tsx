// The order's status timeline: one entry per transition (OrderEvent), oldest first.
import type { Locale } from "@/lib/i18n/config";
import { formatDateTime } from "@/lib/i18n/format";
import type { Messages } from "@/lib/i18n/messages";
import type { OrderView } from "@/lib/orders/queries";

export function OrderTimeline({ events, t, locale }: { events: OrderView["events"]; t: Messages["orders"]; locale: Locale }) {
  return (
    <ol className="relative space-y-4 border-l border-neutral-200 pl-5" data-testid="order-timeline">
      {events.map((e, i) => (
        <li key={i} className="relative" data-status={e.toStatus}>
          <span className="absolute -left-[1.6rem] top-1.5 h-2.5 w-2.5 rounded-full bg-neutral-900" aria-hidden />
          <p className="font-medium">{t.status[e.toStatus]}</p>
          <p className="text-sm text-neutral-500">
            <time dateTime={new Date(e.createdAt).toISOString()}>{formatDateTime(e.createdAt, locale)}</time>
          </p>
        </li>
      ))}
    </ol>
  );
}
