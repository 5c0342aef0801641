// Structured data for search engines: an inline data block, not a script (browsers never run it, so the
// CSP's script-src does not apply); the text is escaped so it cannot close its own element.
import { jsonLdText } from "@/lib/site/json-ld";

export function JsonLd({ data }: { data: unknown }) {
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLdText(data) }} />;
}
