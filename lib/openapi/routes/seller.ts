// The seller's and the admin's routes (see ../registry.ts). Seller routes take ?sellerId= when an admin
// acts for a seller (lib/seller/http.ts); document.ts adds that query parameter to each.
import { listUsersQuerySchema } from "@/lib/admin/schemas";
import { deadLettersQuerySchema } from "@/lib/jobs/dead-letters";
import { excludeOrdersSchema, orderFilterSchema, productCreateSchema, productUpdateSchema, restockSchema, roleChangeSchema, salesQuerySchema, sellerQuerySchema } from "@/lib/seller/schemas";
import { deadLettersSchema, discardedSchema, reconciliationsSchema, retriedSchema, roleChangedSchema, usersPageSchema } from "../answers/operations";
import { variantsInputSchema } from "@/lib/variants/schemas";
import { archivedProductSchema, dropFlagsSchema, excludedSchema, monitorSchema, restockedSchema, salesSchema, sellerOrderPageSchema, sellerOrderSchema, sellerProductSchema, sellerProductsSchema, uploadSchema, variantsAnswerSchema } from "../answers/seller";
import { created, json, noStore, ok, orderIdParam, uuid, type Operations } from "../operation";

export const sellerOperations: Operations = {
  "/api/seller/products": {
    GET: { tag: "Seller", access: "seller", summary: "The seller's products with stock", query: sellerQuerySchema, ok: ok("The products, newest first", sellerProductsSchema), errors: [400, 404] },
    POST: { tag: "Seller", access: "seller", summary: "Create a product or a drop (an admin names the seller with ?sellerId=; the shop's email must be verified)", query: sellerQuerySchema, body: json(productCreateSchema), ok: created("The product with its stock", sellerProductSchema), errors: [400, 404, 422] },
  },
  "/api/seller/products/{id}": {
    GET: { tag: "Seller", access: "seller", summary: "One of the seller's products", params: { id: uuid("product") }, ok: ok("The product with its stock", sellerProductSchema), errors: [404] },
    PATCH: { tag: "Seller", access: "seller", summary: "Edit a product (units = the new total)", params: { id: uuid("product") }, body: json(productUpdateSchema), ok: ok("The product with its stock", sellerProductSchema), errors: [404, 409, 422] },
    DELETE: { tag: "Seller", access: "seller", summary: "Archive a product", params: { id: uuid("product") }, ok: ok("The archived product", archivedProductSchema), errors: [404, 409] },
  },
  "/api/seller/products/{id}/stock": {
    POST: { tag: "Seller", access: "seller", summary: "Restock: add units (to one variant, `variantId`, for a product with options)", params: { id: uuid("product") }, body: json(restockSchema), ok: ok("The stock now", restockedSchema), errors: [404, 409, 422] },
  },
  "/api/seller/products/{id}/variants": {
    PUT: { tag: "Seller", access: "seller", summary: "Set the option axes and variants (sizes): variants matched by SKU keep their orders", params: { id: uuid("product") }, body: json(variantsInputSchema), ok: ok("The axes and variants", variantsAnswerSchema), errors: [404, 422] },
  },
  "/api/seller/products/{id}/monitor": {
    GET: { tag: "Seller", access: "seller", summary: "Live drop figures", params: { id: uuid("product") }, ok: ok("The drop's figures now", monitorSchema, { headers: noStore }), errors: [404] },
  },
  "/api/seller/products/{id}/orders": {
    GET: { tag: "Seller", access: "seller", summary: "The drop's orders with fleet flags (new accounts, shared address ranges)", params: { id: uuid("product") }, ok: ok("The flagged orders", dropFlagsSchema), errors: [404] },
  },
  "/api/seller/products/{id}/orders/exclude": {
    POST: { tag: "Seller", access: "seller", summary: "Cancel flagged unpaid orders (none named = all of them; one not of the drop is 422)", params: { id: uuid("product") }, body: json(excludeOrdersSchema), ok: ok("What was cancelled", excludedSchema), errors: [404, 422] },
  },
  "/api/seller/orders": {
    GET: { tag: "Seller", access: "seller", summary: "Orders containing the seller's products", query: orderFilterSchema, ok: ok("One page of orders (the seller's lines only)", sellerOrderPageSchema), errors: [400, 404] },
  },
  "/api/seller/orders/{id}": {
    GET: { tag: "Seller", access: "seller", summary: "One order's seller lines, timeline, payment and refund", params: { id: orderIdParam }, ok: ok("The order", sellerOrderSchema), errors: [404] },
  },
  "/api/seller/sales": {
    GET: { tag: "Seller", access: "seller", summary: "Revenue and units by day, top products, refunds and payouts", query: salesQuerySchema, ok: ok("The sales report", salesSchema), errors: [400, 404] },
  },
  "/api/seller/uploads": {
    POST: { tag: "Seller", access: "seller", summary: "Upload a product image (400 when the body is not multipart; 413 when a body that declares no length runs past 5 MB and its form)", body: { multipart: { file: "The image (JPEG, PNG or WebP, ≤ 5 MB, ≤ 50 megapixels); stored upright, at most 2000 px a side, without metadata" } }, ok: created("The stored image", uploadSchema), errors: [400, 404, 413, 422] },
  },
  "/api/uploads/{path}": {
    GET: {
      tag: "Seller",
      access: "public",
      summary: "An uploaded image (immutable)",
      params: { path: "The upload's key (may hold slashes)" },
      ok: { 200: { description: "The image", contentType: "image/*", headers: { "Cache-Control": "public, max-age=31536000, immutable" } } },
      errors: [404],
    },
  },

  // ── Admin ────────────────────────────────────────────────────────────────────────────────────────
  "/api/admin/users": {
    GET: { tag: "Admin", access: "admin", summary: "Users with their roles", query: listUsersQuerySchema, ok: ok("One page of users", usersPageSchema), errors: [400] },
  },
  "/api/admin/users/{id}": {
    PATCH: { tag: "Admin", access: "admin", summary: "Change a user's role (shopName when becoming a seller; an admin cannot demote themself: 409)", params: { id: uuid("user") }, body: json(roleChangeSchema), ok: ok("The user's new role", roleChangedSchema), errors: [404, 409, 422] },
  },
  "/api/admin/reconciliations": {
    GET: { tag: "Admin", access: "admin", summary: "Stock drifts found (and repaired) by reconciliation, newest first", ok: ok("The reports", reconciliationsSchema), errors: [] },
  },
  "/api/admin/dead-letters": {
    GET: { tag: "Admin", access: "admin", summary: "Jobs that failed their last try, newest first", query: deadLettersQuerySchema, ok: ok("One page of dead letters", deadLettersSchema), errors: [400] },
  },
  "/api/admin/dead-letters/{id}": {
    DELETE: { tag: "Admin", access: "admin", summary: "Discard a dead-letter job", params: { id: uuid("dead letter") }, ok: ok("Discarded", discardedSchema), errors: [404] },
  },
  "/api/admin/dead-letters/{id}/retry": {
    POST: { tag: "Admin", access: "admin", summary: "Send a dead-letter job back to its queue", params: { id: uuid("dead letter") }, ok: ok("Queued again", retriedSchema), errors: [404] },
  },
};
