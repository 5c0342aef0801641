// The fulfilment routes: shipping with a courier and tracking number, CSV in and out, return decisions, timers (see ../registry.ts).
import { bulkShipSchema, exportQuerySchema, refuseReturnSchema, shipSchema, timerSettingsSchema } from "@/lib/fulfilment/schemas";
import { sellerQuerySchema } from "@/lib/seller/schemas";
import { bulkShippedSchema, returnDecisionSchema, shippedSchema, timerSettingsAnswerSchema } from "../answers/fulfilment";
import { json, ok, orderIdParam, type Operations } from "../operation";

const csv = { 200: { description: "CSV (UTF-8 with BOM, for Excel)", contentType: "text/csv" } };

export const fulfilmentOperations: Operations = {
  "/api/seller/orders/{id}/ship": {
    POST: { tag: "Fulfilment", access: "seller", summary: "Mark a paid order shipped with a courier and tracking number; the same again is `unchanged`, another number while shipping corrects it", params: { id: orderIdParam }, body: json(shipSchema), ok: ok("Shipped", shippedSchema), errors: [404, 409, 422] },
  },
  "/api/seller/orders/{id}/return/approve": {
    POST: { tag: "Fulfilment", access: "seller", summary: "Approve a requested return after inspection: the order is RETURNED and refunded once (a repeat answers `already`)", params: { id: orderIdParam }, ok: ok("Decided", returnDecisionSchema), errors: [404, 409] },
  },
  "/api/seller/orders/{id}/return/refuse": {
    POST: { tag: "Fulfilment", access: "seller", summary: "Refuse a requested return; the reason is shown to the buyer", params: { id: orderIdParam }, body: json(refuseReturnSchema), ok: ok("Decided", returnDecisionSchema), errors: [404, 409, 422] },
  },
  "/api/seller/orders/shipments": {
    POST: { tag: "Fulfilment", access: "seller", summary: "Ship many orders from a CSV file (columns 주문번호/orderId, 택배사/courier, 송장번호/trackingNumber): one result per row", body: json(bulkShipSchema), ok: ok("One result per row", bulkShippedSchema), errors: [413, 422] },
  },
  "/api/seller/orders/shipments/template": {
    GET: { tag: "Fulfilment", access: "seller", summary: "The bulk-shipping CSV template, one row per order waiting to ship", query: sellerQuerySchema, ok: csv, errors: [400] },
  },
  "/api/seller/orders/export": {
    GET: { tag: "Fulfilment", access: "seller", summary: "The seller's orders as CSV for Excel (Korean headers, formula-safe cells)", query: exportQuerySchema, ok: csv, errors: [400] },
  },
  "/api/seller/fulfilment-settings": {
    GET: { tag: "Fulfilment", access: "seller", summary: "The shop's fallback timers and the deployment defaults", query: sellerQuerySchema, ok: ok("The timers", timerSettingsAnswerSchema), errors: [400, 422] },
    PUT: { tag: "Fulfilment", access: "seller", summary: "Set the shop's fallback timers (seconds; null = default, 0 = off)", query: sellerQuerySchema, body: json(timerSettingsSchema), ok: ok("The timers", timerSettingsAnswerSchema), errors: [400, 422] },
  },
};
