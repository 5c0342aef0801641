// Operations and test-hook routes (see ../registry.ts).
import { crowdSchema, openingSchema, takeStepSchema } from "@/lib/test-hooks";
import { cronRunSchema, crowdQueuedSchema, healthSchema, openApiDocumentSchema, openedSchema, readinessSchema, stepMovedSchema, stepNotTakenSchema } from "../answers/operations";
import { json, noStore, ok, orderIdParam, uuid, type Operations } from "../operation";

export const operationsOperations: Operations = {
  "/api/health": {
    GET: { tag: "Operations", access: "public", summary: "The process is up (no dependencies checked)", ok: ok("Up", healthSchema), errors: [] },
  },
  "/api/ready": {
    GET: {
      tag: "Operations",
      access: "public",
      summary: "Ready to serve: PostgreSQL and Redis reachable (Redis \"off\" in the PostgreSQL-only mode); each tier's mode",
      ok: { ...ok("Ready", readinessSchema, { headers: noStore }), 503: { description: "Not ready: `failing` names what", schema: readinessSchema, headers: noStore } },
      errors: [],
    },
  },
  "/api/metrics": {
    GET: {
      tag: "Operations",
      access: "metrics",
      summary: "Prometheus metrics (in production only with Bearer METRICS_TOKEN: 401 without it, 503 when none is set)",
      ok: { 200: { description: "Prometheus text exposition", contentType: "text/plain", headers: noStore } },
      errors: [401, 503],
    },
  },
  "/api/cron/jobs": {
    GET: { tag: "Operations", access: "cron", summary: "Vercel Cron's call: relay the outbox, send due jobs, run ready ones (503 when CRON_SECRET is not set)", ok: ok("What ran", cronRunSchema, { headers: noStore }), errors: [503] },
  },
  "/api/openapi.json": {
    GET: { tag: "Operations", access: "public", summary: "This document", ok: ok("The OpenAPI 3.1 document", openApiDocumentSchema, { headers: { "Cache-Control": "public, max-age=300" } }), errors: [] },
  },

  // ── Test hooks (404 unless HURRYUP_TEST_HOOKS=1, never in production) ───────────────────────────
  "/api/test-hooks/orders/{id}/advance": {
    POST: {
      tag: "Test hooks",
      access: "test-hooks",
      summary: "Take the order's next time-based step now",
      params: { id: orderIdParam },
      body: json(takeStepSchema),
      ok: { ...ok("Moved", stepMovedSchema), 409: { description: "Not taken: the order is elsewhere (`skipped`, with its status) or the step is not due yet (`not_due`)", schema: stepNotTakenSchema } },
      errors: [404, 422],
    },
  },
  "/api/test-hooks/products/{id}/opening": {
    POST: { tag: "Test hooks", access: "test-hooks", summary: "The drop opens inSeconds from the server's now", params: { id: uuid("product") }, body: json(openingSchema), ok: ok("The new opening", openedSchema), errors: [404, 422] },
  },
  "/api/test-hooks/waiting-room/{id}/crowd": {
    POST: { tag: "Test hooks", access: "test-hooks", summary: "Placeholder places ahead of or behind the buyers in a waiting room", params: { id: uuid("product") }, body: json(crowdSchema), ok: ok("How many places were added", crowdQueuedSchema), errors: [404, 422] },
  },
};
