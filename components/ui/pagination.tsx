// Previous / next links for a paged list; the caller builds each page's URL (keeping its own filters).
// "buttons": bordered steps around a "page n of m" indicator, a missing step shown disabled (the catalog).
// "links": plain links at both ends, a missing step left out (dashboard lists).
import Link from "next/link";

type Props = {
  page: number;
  hasNext: boolean;
  href: (page: number) => string;
  labels: { previous: string; next: string; nav?: string };
  /** The current position, e.g. "2 / 5 페이지" (buttons look only). */
  indicator?: string;
  look?: "buttons" | "links";
};

const button = "rounded-lg border border-neutral-300 px-4 py-2 font-semibold hover:bg-neutral-100";

export function Pagination({ page, hasNext, href, labels, indicator, look = "buttons" }: Props) {
  const hasPrev = page > 1;
  if (look === "links") {
    return (
      <nav aria-label={labels.nav} className="flex justify-between text-sm">
        {hasPrev ? (
          <Link href={href(page - 1)} rel="prev">
            {labels.previous}
          </Link>
        ) : (
          <span />
        )}
        {hasNext && (
          <Link href={href(page + 1)} rel="next">
            {labels.next}
          </Link>
        )}
      </nav>
    );
  }
  const step = (to: number, enabled: boolean, rel: "prev" | "next", text: string) =>
    enabled ? (
      <Link href={href(to)} rel={rel} className={button}>
        {text}
      </Link>
    ) : (
      <span className={`${button} opacity-40`} aria-disabled>
        {text}
      </span>
    );
  return (
    <nav aria-label={labels.nav} className="mt-8 flex items-center justify-center gap-4 text-sm">
      {step(page - 1, hasPrev, "prev", labels.previous)}
      {indicator && (
        <span aria-current="page" data-testid="page-indicator">
          {indicator}
        </span>
      )}
      {step(page + 1, hasNext, "next", labels.next)}
    </nav>
  );
}
