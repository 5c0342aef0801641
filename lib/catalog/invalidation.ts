// Who hears of a catalog invalidation in this process (lib/catalog/cache.ts says when): the production
// server's page micro-cache (server/page-cache.ts) drops its pages. No Next import here, so the server
// can load it outside Next's bundles.
type Listener = (event: { productId: string | null }) => void;

// On globalThis: Next's bundles and the production server each load their own copy of this module, and
// both must share one list of listeners.
const LISTENERS = Symbol.for("hurryup.catalog.invalidation");
const listeners = (): Set<Listener> => ((globalThis as Record<symbol, Set<Listener>>)[LISTENERS] ??= new Set());

/** Runs `listener` after every catalog invalidation in this process; returns the unsubscribe. */
export function onCatalogInvalidated(listener: Listener): () => void {
  listeners().add(listener);
  return () => void listeners().delete(listener);
}

/** productId null: many products at once (categories). */
export function notifyCatalogInvalidated(productId: string | null) {
  for (const listener of listeners()) listener({ productId });
}
