// Every route under app/api, described once: its methods, who may call it, its request (path parameters,
// query, headers, body) and its answers. Request schemas are the very ones the routes validate with
// (lib/*/schemas.ts); answers detailed here are in ./responses.ts. lib/openapi/document.ts turns this into
// the OpenAPI 3.1 document at /api/openapi.json; lib/openapi/coverage.test.ts fails when a route file has
// no entry here (or an entry has no route).
import type { z } from "zod";
import { listUsersQuerySchema } from "@/lib/admin/schemas";
import { signUpSchema, verifySchema, updateProfileSchema, changePasswordSchema, deleteAccountSchema, requestPhoneCodeSchema, confirmPhoneCodeSchema } from "@/lib/accounts/schemas";
import { addCartItemSchema, updateCartItemSchema } from "@/lib/cart/schemas";
import { listProductsQuerySchema } from "@/lib/catalog/schemas";
import { deadLettersQuerySchema } from "@/lib/jobs/dead-letters";
import { checkoutSchema, idempotencyKeySchema, listOrdersQuerySchema, orderActionSchema } from "@/lib/orders/schemas";
import { confirmBodySchema, failRouteQuerySchema, webhookBodySchema } from "@/lib/payments/schemas";
import { excludeOrdersSchema, orderFilterSchema, productCreateSchema, productUpdateSchema, restockSchema, roleChangeSchema, salesQuerySchema, sellerQuerySchema } from "@/lib/seller/schemas";
import { crowdSchema, openingSchema, takeStepSchema } from "@/lib/test-hooks";
import { enterRoomSchema, roomStatusQuerySchema } from "@/lib/waiting-room/schemas";
import { variantsInputSchema } from "@/lib/variants/schemas";
import { wishlistItemSchema } from "@/lib/wishlist/schemas";
import { healthSchema, jsonObject, liveStockSchema, paymentFailureSchema, productAnswerSchema, productPageSchema, readinessSchema } from "./responses";

export type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** Who may call: nobody in particular, a signed-in user (session cookie), a seller or admin, an admin, Vercel Cron, the test hooks. */
export type Access = "public" | "user" | "seller" | "admin" | "cron" | "metrics" | "test-hooks";

export type Answer = { description: string; schema?: z.ZodType; contentType?: string };

export type Operation = {
  summary: string;
  tag: string;
  access: Access;
  description?: string;
  /** Path parameters, in the order of the path; all strings (ids are UUIDs unless said otherwise). */
  params?: Record<string, string>;
  query?: z.ZodObject;
  headers?: Record<string, { schema: z.ZodType; required: boolean; description: string }>;
  /** A JSON body (validated, 422 on failure); "optional" when an empty body is accepted. */
  body?: { schema: z.ZodType; optional?: boolean } | { multipart: Record<string, string> } | { text: string };
  /** Success answers by status. */
  ok: Record<number, Answer>;
  /** Called by another server (no Origin check: the route proves the caller another way). */
  serverToServer?: true;
  /** Error statuses this operation answers with the error shape (lib/errors.ts), beyond the common ones. */
  errors: number[];
};

const uuid = (what: string) => `The ${what}'s id (a UUID; anything else is 404)`;
const ok = (description: string, schema: z.ZodType = jsonObject): Record<number, Answer> => ({ 200: { description, schema } });
const created = (description: string, schema: z.ZodType = jsonObject): Record<number, Answer> => ({ 201: { description, schema } });
const noContent = (description: string): Record<number, Answer> => ({ 204: { description } });
const json = (schema: z.ZodType, optional = false) => ({ schema, optional });

/** Paths as OpenAPI writes them (`{id}`); a catch-all folder (`[...path]`) is one parameter that may hold slashes. */
export const operations: Record<string, Partial<Record<Method, Operation>>> = {
  // ── Shop ─────────────────────────────────────────────────────────────────────────────────────────
  "/api/products": {
    GET: { tag: "Catalog", access: "public", summary: "List the public catalog", query: listProductsQuerySchema, ok: ok("One page of products", productPageSchema), errors: [400] },
  },
  "/api/products/{id}": {
    GET: { tag: "Catalog", access: "public", summary: "One public product with its stock and sale state", params: { id: uuid("product") }, ok: ok("The product", productAnswerSchema), errors: [404] },
  },
  "/api/products/{id}/stock": {
    GET: {
      tag: "Catalog",
      access: "public",
      summary: "Live units and sale state (polled while waiting for a drop)",
      description: "Cacheable for a second (s-maxage=1, stale-while-revalidate=5); `serverTime` lets the page correct its clock.",
      params: { id: uuid("product") },
      ok: ok("The live stock", liveStockSchema),
      errors: [404, 503],
    },
  },
  "/api/cart": {
    GET: { tag: "Cart", access: "public", summary: "The caller's cart (signed-in or guest cookie) with live availability and totals", ok: ok("The cart"), errors: [] },
  },
  "/api/cart/items": {
    POST: { tag: "Cart", access: "public", summary: "Add units of a product (a cookie-less guest gets a cart and its cookie)", body: json(addCartItemSchema), ok: created("The line as added (capped quantities are reported)"), errors: [404, 409, 422, 429] },
  },
  "/api/cart/items/{id}": {
    PATCH: { tag: "Cart", access: "public", summary: "Change a line's quantity or selection", params: { id: uuid("cart line") }, body: json(updateCartItemSchema), ok: ok("The cart"), errors: [404, 422] },
    DELETE: { tag: "Cart", access: "public", summary: "Remove a line", params: { id: uuid("cart line") }, ok: ok("The cart"), errors: [404] },
  },
  "/api/wishlist": {
    GET: { tag: "Wishlist", access: "user", summary: "The wishlist, newest first", ok: ok("{ items }"), errors: [] },
  },
  "/api/wishlist/items": {
    POST: { tag: "Wishlist", access: "user", summary: "Heart a product", body: json(wishlistItemSchema), ok: { ...ok("Already wishlisted"), ...created("Added: { productId, wishlisted: true }") }, errors: [404, 422] },
  },
  "/api/wishlist/items/{productId}": {
    DELETE: { tag: "Wishlist", access: "user", summary: "Unheart a product (also when it was not wishlisted)", params: { productId: uuid("product") }, ok: noContent("Removed"), errors: [404] },
  },
  "/api/waiting-room/{productId}": {
    GET: { tag: "Waiting room", access: "public", summary: "The caller's place in the drop's waiting room (long poll)", params: { productId: uuid("product") }, query: roomStatusQuerySchema, ok: ok("The place, position and pass when admitted"), errors: [400, 404] },
  },
  "/api/waiting-room/{productId}/challenge": {
    GET: { tag: "Waiting room", access: "public", summary: "The proof of work (ALTCHA) that entering the room costs", params: { productId: uuid("product") }, ok: ok("An ALTCHA challenge"), errors: [404, 409, 429] },
  },
  "/api/waiting-room/{productId}/enter": {
    POST: { tag: "Waiting room", access: "public", summary: "Take a place in the waiting room (or keep one's place)", params: { productId: uuid("product") }, body: json(enterRoomSchema), ok: ok("The place"), errors: [403, 404, 409, 422, 429] },
  },

  // ── Orders and payments ──────────────────────────────────────────────────────────────────────────
  "/api/orders": {
    GET: { tag: "Orders", access: "user", summary: "The caller's orders, newest first", query: listOrdersQuerySchema, ok: ok("One page of orders"), errors: [400] },
    POST: {
      tag: "Orders",
      access: "user",
      summary: "Place an order from the cart, the wishlist or buy-now",
      description: "Prices are never part of the request. The same Idempotency-Key with the same body answers the first outcome again; with another body, 422.",
      headers: { "Idempotency-Key": { schema: idempotencyKeySchema, required: true, description: "8–300 printable ASCII characters (a UUID v4 recommended)" } },
      body: json(checkoutSchema),
      ok: created("The order, holding its units until paid (ORDER_HOLD_SECONDS)"),
      errors: [403, 404, 409, 422, 429, 503],
    },
  },
  "/api/orders/{id}": {
    GET: { tag: "Orders", access: "user", summary: "One of the caller's orders (anyone else's is 404)", params: { id: "The order's id" }, ok: ok("{ order }"), errors: [404] },
  },
  "/api/orders/{id}/cancel": {
    POST: { tag: "Orders", access: "user", summary: "Cancel an order until it ships", params: { id: "The order's id" }, body: json(orderActionSchema, true), ok: ok("{ order }"), errors: [404, 409, 422] },
  },
  "/api/orders/{id}/return": {
    POST: { tag: "Orders", access: "user", summary: "Request the return of a delivered order within the return window", params: { id: "The order's id" }, body: json(orderActionSchema, true), ok: ok("{ order }"), errors: [404, 409, 422] },
  },
  "/api/payments/confirm": {
    POST: {
      tag: "Payments",
      access: "user",
      summary: "Confirm the caller's payment (the successUrl's query as JSON)",
      description: "Refresh-safe: an order already past PENDING_PAYMENT confirms nothing and answers `already` with its state.",
      body: json(confirmBodySchema),
      ok: ok("{ outcome, code?, order }"),
      errors: [404, 409, 422, 503],
    },
  },
  "/api/payments/fail": {
    GET: {
      tag: "Payments",
      access: "user",
      summary: "The payment window's failure (the failUrl's query) as JSON",
      description: "Reads only: a closed window or a declined card leaves the order PENDING_PAYMENT with its units held; `payable` says whether a new payment window can pay it.",
      query: failRouteQuerySchema,
      ok: ok("What the failure means for the order", paymentFailureSchema),
      errors: [400, 404],
    },
  },
  "/api/webhooks/toss": {
    POST: { tag: "Payments", access: "public", serverToServer: true, summary: "Toss's PAYMENT_STATUS_CHANGED deliveries (recorded once; the worker looks the payment up)", body: json(webhookBodySchema), ok: ok("{ ok: true, … }"), errors: [413, 422, 429] },
  },

  // ── Accounts ─────────────────────────────────────────────────────────────────────────────────────
  "/api/auth/{nextauth}": {
    GET: { tag: "Accounts", access: "public", summary: "Auth.js: csrf token, session, providers (`/api/auth/csrf`, `/api/auth/session`…)", params: { nextauth: "Auth.js's action path (may hold slashes)" }, ok: ok("Auth.js's answer"), errors: [] },
    POST: {
      tag: "Accounts",
      access: "public",
      summary: "Auth.js: credentials sign-in (`/api/auth/callback/credentials`, form-encoded with csrfToken), sign-out",
      params: { nextauth: "Auth.js's action path (may hold slashes)" },
      body: { text: "application/x-www-form-urlencoded: csrfToken, email, password (Auth.js's form)" },
      ok: ok("Auth.js's answer (a redirect or JSON)"),
      errors: [413, 429],
    },
  },
  "/api/users": {
    POST: { tag: "Accounts", access: "public", summary: "Sign up (buyer or seller); the same 202 whether or not the address is new", body: json(signUpSchema), ok: { 202: { description: "Accepted: a verification mail is on its way", schema: jsonObject } }, errors: [422, 429] },
  },
  "/api/users/verify": {
    POST: { tag: "Accounts", access: "public", summary: "Confirm an email address with the mail's token", body: json(verifySchema), ok: ok('{ status: "verified" }'), errors: [404, 409, 422] },
  },
  "/api/users/verify/resend": {
    POST: { tag: "Accounts", access: "user", summary: "Send a new verification mail (rate-limited)", ok: { 202: { description: "Accepted", schema: jsonObject } }, errors: [409, 429] },
  },
  "/api/me": {
    GET: { tag: "Accounts", access: "user", summary: "The signed-in user's profile", ok: ok("The profile"), errors: [] },
    PATCH: { tag: "Accounts", access: "user", summary: "Edit the profile", body: json(updateProfileSchema), ok: ok("The profile"), errors: [422] },
    DELETE: { tag: "Accounts", access: "user", summary: "Delete the account (password required); the session cookie is cleared", body: json(deleteAccountSchema), ok: noContent("Deleted"), errors: [403, 422] },
  },
  "/api/me/password": {
    POST: { tag: "Accounts", access: "user", summary: "Change the password (the current one required); other sessions are revoked", body: json(changePasswordSchema), ok: ok("Changed"), errors: [403, 422, 429] },
  },
  "/api/me/phone": {
    GET: { tag: "Accounts", access: "user", summary: "The verified mobile number and any code pending", ok: ok("The phone status"), errors: [] },
    DELETE: { tag: "Accounts", access: "user", summary: "Remove the verified number", ok: ok("The phone status"), errors: [] },
  },
  "/api/me/phone/code": {
    POST: { tag: "Accounts", access: "user", summary: "Send an SMS code to a Korean mobile number", body: json(requestPhoneCodeSchema), ok: ok("The code is on its way"), errors: [409, 422, 429] },
  },
  "/api/me/phone/verify": {
    POST: { tag: "Accounts", access: "user", summary: "Confirm the SMS code: the number becomes the account's verified number", body: json(confirmPhoneCodeSchema), ok: ok("The phone status"), errors: [409, 422, 429] },
  },
  "/api/me/sessions": {
    GET: { tag: "Accounts", access: "user", summary: "The active sessions", ok: ok("{ sessions }"), errors: [] },
    DELETE: { tag: "Accounts", access: "user", summary: "Sign out everywhere (this session too)", ok: ok("{ revoked }"), errors: [] },
  },
  "/api/me/sessions/{id}": {
    DELETE: { tag: "Accounts", access: "user", summary: "Revoke one of the caller's sessions", params: { id: uuid("session") }, ok: noContent("Revoked"), errors: [404] },
  },
  "/api/me/summary": {
    GET: { tag: "Accounts", access: "public", summary: "The viewer's header and hearts for cached pages (merges a guest cart after sign-in)", ok: ok("{ signedIn, name?, role?, cartLines, wishlisted }"), errors: [] },
  },

  // ── Seller ───────────────────────────────────────────────────────────────────────────────────────
  "/api/seller/products": {
    GET: { tag: "Seller", access: "seller", summary: "The seller's products with stock", query: sellerQuerySchema, ok: ok("{ products }"), errors: [400] },
    POST: { tag: "Seller", access: "seller", summary: "Create a product or a drop (an admin names the seller with ?sellerId=)", query: sellerQuerySchema, body: json(productCreateSchema), ok: created("{ product }"), errors: [400, 404, 422] },
  },
  "/api/seller/products/{id}": {
    GET: { tag: "Seller", access: "seller", summary: "One of the seller's products", params: { id: uuid("product") }, ok: ok("{ product }"), errors: [404] },
    PATCH: { tag: "Seller", access: "seller", summary: "Edit a product (units = the new total)", params: { id: uuid("product") }, body: json(productUpdateSchema), ok: ok("{ product }"), errors: [404, 409, 422] },
    DELETE: { tag: "Seller", access: "seller", summary: "Archive a product", params: { id: uuid("product") }, ok: ok("{ product }"), errors: [404, 409] },
  },
  "/api/seller/products/{id}/stock": {
    POST: {
      tag: "Seller", access: "seller", summary: "Restock: add units (to one variant, `variantId`, for a product with options)", params: { id: uuid("product") },
      body: json(restockSchema), ok: ok("{ inventory: { total, available, variant } }"), errors: [404, 409, 422],
    },
  },
  "/api/seller/products/{id}/variants": {
    PUT: {
      tag: "Seller", access: "seller", summary: "Set the option axes and variants (sizes): variants matched by SKU keep their orders", params: { id: uuid("product") },
      body: json(variantsInputSchema), ok: ok("{ options, variants }"), errors: [404, 422],
    },
  },
  "/api/seller/products/{id}/monitor": {
    GET: { tag: "Seller", access: "seller", summary: "Live drop figures", params: { id: uuid("product") }, ok: ok("{ monitor }"), errors: [404] },
  },
  "/api/seller/products/{id}/orders": {
    GET: { tag: "Seller", access: "seller", summary: "The drop's orders with fleet flags (new accounts, shared address ranges)", params: { id: uuid("product") }, ok: ok("The flagged orders"), errors: [404] },
  },
  "/api/seller/products/{id}/orders/exclude": {
    POST: { tag: "Seller", access: "seller", summary: "Cancel flagged unpaid orders (none named = all of them)", params: { id: uuid("product") }, body: json(excludeOrdersSchema), ok: ok("What was cancelled"), errors: [404, 422] },
  },
  "/api/seller/orders": {
    GET: { tag: "Seller", access: "seller", summary: "Orders containing the seller's products", query: orderFilterSchema, ok: ok("One page of orders"), errors: [400] },
  },
  "/api/seller/orders/{id}": {
    GET: { tag: "Seller", access: "seller", summary: "One order's seller lines, timeline, payment and refund", params: { id: "The order's id" }, ok: ok("{ order }"), errors: [404] },
  },
  "/api/seller/sales": {
    GET: { tag: "Seller", access: "seller", summary: "Revenue and units by day, top products, refunds and payouts", query: salesQuerySchema, ok: ok("The sales report"), errors: [400] },
  },
  "/api/seller/uploads": {
    POST: { tag: "Seller", access: "seller", summary: "Upload a product image", body: { multipart: { file: "The image (JPEG, PNG, WebP or GIF)" } }, ok: created("{ upload }"), errors: [413, 422] },
  },
  "/api/uploads/{path}": {
    GET: { tag: "Seller", access: "public", summary: "An uploaded image (immutable)", params: { path: "The upload's key (may hold slashes)" }, ok: { 200: { description: "The image", contentType: "image/*" } }, errors: [404] },
  },

  // ── Admin ────────────────────────────────────────────────────────────────────────────────────────
  "/api/admin/users": {
    GET: { tag: "Admin", access: "admin", summary: "Users with their roles", query: listUsersQuerySchema, ok: ok("One page of users"), errors: [400] },
  },
  "/api/admin/users/{id}": {
    PATCH: { tag: "Admin", access: "admin", summary: "Change a user's role (shopName when becoming a seller)", params: { id: uuid("user") }, body: json(roleChangeSchema), ok: ok("{ user }"), errors: [404, 409, 422] },
  },
  "/api/admin/reconciliations": {
    GET: { tag: "Admin", access: "admin", summary: "Stock drifts found (and repaired) by reconciliation, newest first", ok: ok("{ reports }"), errors: [] },
  },
  "/api/admin/dead-letters": {
    GET: { tag: "Admin", access: "admin", summary: "Jobs that failed their last try, newest first", query: deadLettersQuerySchema, ok: ok("One page of dead letters"), errors: [400] },
  },
  "/api/admin/dead-letters/{id}": {
    DELETE: { tag: "Admin", access: "admin", summary: "Discard a dead-letter job", params: { id: uuid("dead letter") }, ok: ok("{ discarded }"), errors: [404] },
  },
  "/api/admin/dead-letters/{id}/retry": {
    POST: { tag: "Admin", access: "admin", summary: "Send a dead-letter job back to its queue", params: { id: uuid("dead letter") }, ok: ok("{ retried }"), errors: [404] },
  },

  // ── Operations ───────────────────────────────────────────────────────────────────────────────────
  "/api/health": {
    GET: { tag: "Operations", access: "public", summary: "The process is up (no dependencies checked)", ok: ok("Up", healthSchema), errors: [] },
  },
  "/api/ready": {
    GET: { tag: "Operations", access: "public", summary: "Ready to serve: PostgreSQL and Redis reachable", ok: { ...ok("Ready", readinessSchema), 503: { description: "Not ready: `failing` names what", schema: readinessSchema } }, errors: [] },
  },
  "/api/metrics": {
    GET: { tag: "Operations", access: "metrics", summary: "Prometheus metrics", ok: { 200: { description: "Prometheus text exposition", contentType: "text/plain" } }, errors: [] },
  },
  "/api/cron/jobs": {
    GET: { tag: "Operations", access: "cron", summary: "Vercel Cron's call: relay the outbox, send due jobs, run ready ones", ok: ok("What ran"), errors: [503] },
  },
  "/api/openapi.json": {
    GET: { tag: "Operations", access: "public", summary: "This document", ok: ok("The OpenAPI 3.1 document"), errors: [] },
  },

  // ── Test hooks (404 unless HURRYUP_TEST_HOOKS=1, never in production) ───────────────────────────
  "/api/test-hooks/orders/{id}/advance": {
    POST: { tag: "Test hooks", access: "test-hooks", summary: "Take the order's next time-based step now", params: { id: "The order's id" }, body: json(takeStepSchema), ok: ok("{ result: moved, … }"), errors: [404, 409, 422] },
  },
  "/api/test-hooks/products/{id}/opening": {
    POST: { tag: "Test hooks", access: "test-hooks", summary: "The drop opens inSeconds from the server's now", params: { id: uuid("product") }, body: json(openingSchema), ok: ok("{ saleStartsAt }"), errors: [404, 422] },
  },
  "/api/test-hooks/waiting-room/{id}/crowd": {
    POST: { tag: "Test hooks", access: "test-hooks", summary: "Placeholder places ahead of or behind the buyers in a waiting room", params: { id: uuid("product") }, body: json(crowdSchema), ok: ok("{ queued }"), errors: [404, 422] },
  },
};
