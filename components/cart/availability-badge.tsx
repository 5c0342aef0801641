import { Badge } from "@/components/ui/badge";
import type { Availability } from "@/lib/cart/schemas";
import { fill } from "@/lib/i18n/fill";
import { formatDateTime } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/config";
import type { Messages } from "@/lib/i18n/messages";

const tone: Record<Availability["state"], string> = {
  available: "bg-emerald-50 text-emerald-700",
  sold_out: "bg-neutral-100 text-neutral-500",
  upcoming: "bg-amber-50 text-amber-700",
  ended: "bg-neutral-100 text-neutral-500",
};

export function AvailabilityBadge({ availability, t, locale }: { availability: Availability; t: Messages["cart"]; locale: Locale }) {
  const text = {
    available: t.available,
    sold_out: t.soldOut,
    upcoming: fill(t.upcoming, { time: availability.opensAt ? formatDateTime(availability.opensAt, locale) : "" }),
    ended: t.ended,
  }[availability.state];
  return (
    <Badge data-testid="availability" data-state={availability.state} className={`inline-block text-xs font-medium ${tone[availability.state]}`}>
      {text}
    </Badge>
  );
}
