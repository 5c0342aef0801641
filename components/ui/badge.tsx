// The base of every small label chip (order status, sale state, availability): callers add the tone and
// the type size; data-* attributes and test ids pass through.
import clsx from "clsx";

export function Badge({ className, ...rest }: React.HTMLAttributes<HTMLSpanElement>) {
  return <span className={clsx("rounded px-2 py-0.5", className)} {...rest} />;
}
