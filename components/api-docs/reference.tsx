"use client";
// Swagger UI over the shop's OpenAPI document. Its script is imported lazily (a chunk fetched by this page
// only, after it renders); its stylesheet is in this page's CSS alone, as only /api-docs renders this.
import { useEffect, useRef, useState } from "react";
import "swagger-ui-dist/swagger-ui.css";

export function ApiReference({ url, loading }: { url: string; loading: string }) {
  const target = useRef<HTMLDivElement>(null);
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let cancelled = false;
    void import("swagger-ui-dist/swagger-ui-es-bundle.js").then(({ default: SwaggerUIBundle }) => {
      if (cancelled || !target.current) return;
      // "Try it out" calls the shop from the shop's own page: same origin, the visitor's own session.
      SwaggerUIBundle({ url, domNode: target.current, deepLinking: true, tryItOutEnabled: false });
      setReady(true);
    });
    return () => {
      cancelled = true;
    };
  }, [url]);
  return (
    <>
      {!ready && <p className="text-sm text-zinc-500">{loading}</p>}
      <div ref={target} data-testid="api-reference" />
    </>
  );
}
