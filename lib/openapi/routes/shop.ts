// The shop's routes: catalog, cart, wishlist, waiting room, orders and payments (see ../registry.ts).
import { deliveryChoiceSchema } from "@/lib/addresses/schemas";
import { addCartItemSchema, updateCartItemSchema } from "@/lib/cart/schemas";
import { listProductsQuerySchema } from "@/lib/catalog/schemas";
import { checkoutSchema, idempotencyKeySchema, listOrdersQuerySchema, orderActionSchema } from "@/lib/orders/schemas";
import { confirmBodySchema, failRouteQuerySchema, webhookBodySchema } from "@/lib/payments/schemas";
import { enterRoomSchema, roomStatusQuerySchema } from "@/lib/waiting-room/schemas";
import { wishlistItemSchema } from "@/lib/wishlist/schemas";
import { confirmSchema, orderAnswerSchema, orderPageSchema, paymentFailureSchema, placedOrderSchema, webhookReceiptSchema } from "../answers/orders";
import { cartAddSchema, cartSchema, liveStockSchema, productAnswerSchema, productPageSchema, roomChallengeSchema, roomEnterSchema, roomStatusSchema, wishlistedSchema, wishlistSchema } from "../answers/shop";
import { cartCookie, created, json, noContent, noStore, ok, orderIdParam, uuid, type Operations } from "../operation";
import { str } from "../responses";

export const shopOperations: Operations = {
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
      description: "`serverTime` lets the page correct its clock (and a CDN's Age header, for the time an answer spent in its cache).",
      params: { id: uuid("product") },
      ok: ok("The live stock", liveStockSchema, { headers: { "Cache-Control": "public, s-maxage=1, stale-while-revalidate=5" } }),
      errors: [404, 503],
    },
  },
  "/api/cart": {
    GET: { tag: "Cart", access: "public", summary: "The caller's cart (signed-in or guest cookie) with live availability and totals", ok: ok("The cart (empty without one)", cartSchema, { headers: cartCookie }), errors: [] },
  },
  "/api/cart/items": {
    POST: {
      tag: "Cart",
      access: "public",
      summary: "Add units of a product (a cookie-less guest gets a cart and its cookie)",
      description: "Units are summed with an existing line and capped by the units left, the per-buyer limit and the line maximum; `result` says what was added and why it was capped.",
      body: json(addCartItemSchema),
      ok: created("The line as added, and the cart", cartAddSchema, { headers: cartCookie }),
      errors: [404, 409, 422, 429],
    },
  },
  "/api/cart/items/{id}": {
    PATCH: { tag: "Cart", access: "public", summary: "Change a line's quantity or selection", params: { id: uuid("cart line") }, body: json(updateCartItemSchema), ok: ok("The cart", cartSchema, { headers: cartCookie }), errors: [404, 422] },
    DELETE: { tag: "Cart", access: "public", summary: "Remove a line", params: { id: uuid("cart line") }, ok: ok("The cart", cartSchema, { headers: cartCookie }), errors: [404] },
  },
  "/api/wishlist": {
    GET: { tag: "Wishlist", access: "user", summary: "The wishlist, newest first", ok: ok("The wishlisted products with their availability", wishlistSchema), errors: [] },
  },
  "/api/wishlist/items": {
    POST: { tag: "Wishlist", access: "user", summary: "Heart a product", body: json(wishlistItemSchema), ok: { ...ok("Already wishlisted", wishlistedSchema), ...created("Added", wishlistedSchema) }, errors: [404, 422] },
  },
  "/api/wishlist/items/{productId}": {
    DELETE: { tag: "Wishlist", access: "user", summary: "Unheart a product (also when it was not wishlisted)", params: { productId: uuid("product") }, ok: noContent("Removed"), errors: [404] },
  },
  "/api/waiting-room/{productId}": {
    GET: {
      tag: "Waiting room",
      access: "user",
      summary: "The caller's place in the drop's waiting room (long poll with ?after=)",
      params: { productId: uuid("product") },
      query: roomStatusQuerySchema,
      ok: ok("The place, position and pass when admitted", roomStatusSchema, { headers: noStore }),
      errors: [400, 404, 503],
    },
  },
  "/api/waiting-room/{productId}/challenge": {
    GET: { tag: "Waiting room", access: "user", summary: "The proof of work (ALTCHA) that entering the room costs (a verified email required)", params: { productId: uuid("product") }, ok: ok("An ALTCHA challenge", roomChallengeSchema, { headers: noStore }), errors: [403, 404] },
  },
  "/api/waiting-room/{productId}/enter": {
    POST: {
      tag: "Waiting room",
      access: "user",
      summary: "Take a place in the waiting room (or keep one's place)",
      description: "403 ROOM_DEVICE_CAP / ROOM_RANGE_CAP when this device or address range took its share of places; 409 ROOM_NOT_OPEN (with `entryOpensAt`) before the pre-queue opens.",
      params: { productId: uuid("product") },
      body: json(enterRoomSchema),
      ok: ok("The place", roomEnterSchema, { headers: { ...noStore, "Set-Cookie": "The waiting room's device cookie, when the request had none" } }),
      errors: [403, 404, 409, 422, 429, 503],
    },
  },

  // ── Orders and payments ──────────────────────────────────────────────────────────────────────────
  "/api/orders": {
    GET: { tag: "Orders", access: "user", summary: "The caller's orders, newest first", query: listOrdersQuerySchema, ok: ok("One page of orders", orderPageSchema), errors: [400] },
    POST: {
      tag: "Orders",
      access: "user",
      summary: "Place an order from the cart, the wishlist or buy-now",
      description:
        "Prices are never part of the request. The same Idempotency-Key with the same body answers the first outcome again; with another body, 422. " +
        "A refusal is 409 with `productId` beside the code (SOLD_OUT, NOT_OPEN, ENDED, LIMIT_EXCEEDED); 403 for an unverified email or phone, or a waiting-room drop without a valid pass. " +
        "Delivery: `addressId` (a saved address) or `delivery` (details); neither takes the address book's default. A cart or wishlist checkout without any is 422; a buy-now without any is placed, and its delivery is set with PUT /api/orders/{id}/delivery before paying.",
      headers: {
        "Idempotency-Key": { schema: idempotencyKeySchema, required: true, description: "8–300 printable ASCII characters (a UUID v4 recommended)" },
        "X-Waiting-Room-Pass": { schema: str, required: false, description: "The pass the waiting room gave (a drop with its room on)" },
      },
      body: json(checkoutSchema),
      ok: created("The order, holding its units until paid (ORDER_HOLD_SECONDS)", placedOrderSchema),
      errors: [403, 409, 422, 429, 503],
    },
  },
  "/api/orders/{id}": {
    GET: { tag: "Orders", access: "user", summary: "One of the caller's orders (anyone else's is 404)", params: { id: orderIdParam }, ok: ok("The order", orderAnswerSchema), errors: [404] },
  },
  "/api/orders/{id}/delivery": {
    PUT: {
      tag: "Orders",
      access: "user",
      summary: "Set the delivery details of an unpaid order: a saved address (addressId) or given details (delivery)",
      description: "An order cannot be paid without them (the confirm answers 409 DELIVERY_REQUIRED). Allowed while the order awaits payment and its hold lasts; 409 INVALID_TRANSITION after.",
      params: { id: orderIdParam },
      body: json(deliveryChoiceSchema),
      ok: ok("The order with its delivery details", orderAnswerSchema),
      errors: [404, 409, 422],
    },
  },
  "/api/orders/{id}/cancel": {
    POST: { tag: "Orders", access: "user", summary: "Cancel an order until it ships (409 INVALID_TRANSITION with its `status` after)", params: { id: orderIdParam }, body: json(orderActionSchema, true), ok: ok("The order, cancelled", orderAnswerSchema), errors: [404, 409, 422] },
  },
  "/api/orders/{id}/return": {
    POST: { tag: "Orders", access: "user", summary: "Request the return of a delivered order within the return window (409 RETURN_WINDOW_CLOSED after)", params: { id: orderIdParam }, body: json(orderActionSchema, true), ok: ok("The order, return requested", orderAnswerSchema), errors: [404, 409, 422] },
  },
  "/api/payments/confirm": {
    POST: {
      tag: "Payments",
      access: "user",
      summary: "Confirm the caller's payment (the successUrl's query as JSON)",
      description: "Refresh-safe: an order already past PENDING_PAYMENT confirms nothing and answers `already` with its state. An unpaid order without delivery details is 409 DELIVERY_REQUIRED (nothing is sent to Toss).",
      body: json(confirmBodySchema),
      ok: ok("The outcome and the order as it now stands", confirmSchema),
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
      ok: ok("What the failure means for the order", paymentFailureSchema, { headers: noStore }),
      errors: [400, 404],
    },
  },
  "/api/webhooks/toss": {
    POST: { tag: "Payments", access: "public", serverToServer: true, summary: "Toss's PAYMENT_STATUS_CHANGED deliveries (recorded once; the worker looks the payment up)", body: json(webhookBodySchema), ok: ok("Received", webhookReceiptSchema), errors: [413, 422, 429] },
  },
};
