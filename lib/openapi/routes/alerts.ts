// The drop alert routes: asking for an opening or restock alert, the buyer's list, cancelling, and the mail's unsubscribe link (see ../registry.ts).
import { listAlertsQuerySchema, subscribeSchema, unsubscribeSchema } from "@/lib/alerts/schemas";
import { alertAnswerSchema, alertListSchema, unsubscribedSchema } from "../answers/alerts";
import { created, json, noContent, noStore, ok, uuid, type Operations } from "../operation";

export const alertOperations: Operations = {
  "/api/alerts": {
    GET: {
      tag: "Alerts",
      access: "user",
      summary: "The caller's alerts, newest first (`productId`: one product's, for the product page)",
      query: listAlertsQuerySchema,
      ok: ok("The alerts", alertListSchema, { headers: noStore }),
      errors: [400],
    },
    POST: {
      tag: "Alerts",
      access: "user",
      summary: "Ask to be mailed when a drop opens (OPENING, ten minutes before) or a sold-out size or product is restocked (RESTOCK)",
      description:
        "Idempotent: asking again answers 200 with the same alert (a cancelled one is asked again), and an alert is mailed once, ever. " +
        "409 ALERT_NOT_UPCOMING for a drop that has opened, ended or has no opening time; 409 ALERT_NOT_SOLD_OUT for a size or product with units, or whose sale is not on. " +
        "Asked within the last ten minutes before the opening, the mail goes at once. A verified email is required (403). Rate-limited per buyer (429).",
      body: json(subscribeSchema),
      ok: { ...ok("Asked already", alertAnswerSchema), ...created("Asked", alertAnswerSchema) },
      errors: [403, 404, 409, 422, 429],
    },
  },
  "/api/alerts/{id}": {
    DELETE: { tag: "Alerts", access: "user", summary: "Cancel one of the caller's alerts (also when cancelled already; anyone else's is 404)", params: { id: uuid("alert") }, ok: noContent("Cancelled"), errors: [404, 429] },
  },
  "/api/alerts/unsubscribe": {
    POST: {
      tag: "Alerts",
      access: "public",
      summary: "The alert mail's unsubscribe link: cancel the alert its token names, signed in or not",
      description: "A malformed token is 422; one whose signature does not hold, or whose alert is gone, 404. Cancelled already answers the same 200.",
      body: json(unsubscribeSchema),
      ok: ok("Unsubscribed", unsubscribedSchema),
      errors: [404, 422],
    },
  },
};
