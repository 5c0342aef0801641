// Drop alert inputs and the JSON shape of an alert: zod only, shared by route handlers, server actions and
// the client islands (no server code here).
import { z } from "zod";
import { text } from "@/lib/validation";

export const alertKinds = ["OPENING", "RESTOCK"] as const;
export type AlertKindValue = (typeof alertKinds)[number];

/** An OPENING alert names the drop; a RESTOCK alert may name the size it waits for (none = the whole product). */
export const subscribeSchema = z
  .object({
    productId: z.uuid({ error: "productId must be a product id" }),
    kind: z.enum(alertKinds, { error: "kind must be OPENING or RESTOCK" }),
    variantId: z.uuid({ error: "variantId must be a variant id" }).optional(),
  })
  .refine((v) => v.kind === "RESTOCK" || v.variantId === undefined, { error: "only_for_restock", path: ["variantId"] });
export type SubscribeInput = z.infer<typeof subscribeSchema>;

export const alertIdSchema = z.object({ alertId: z.uuid({ error: "alertId must be an alert id" }) });

/** GET /api/alerts?productId=…: the caller's alerts of one product (the product page's island), or all. */
export const listAlertsQuerySchema = z.object({ productId: z.uuid({ error: "productId must be a product id" }).optional() });

/** The unsubscribe link's token: "<alert id>.<signature>" (lib/alerts/token.ts). */
export const TOKEN_PATTERN = /^[0-9a-f-]{36}\.[A-Za-z0-9_-]{43}$/;
export const unsubscribeSchema = z.object({ token: text(120, { error: "token must be text" }).regex(TOKEN_PATTERN, { error: "invalid_token" }) });

export type AlertView = {
  id: string;
  kind: AlertKindValue;
  productId: string;
  productName: string;
  image: string | null;
  /** The size a restock alert waits for; null for the whole product (and for opening alerts). */
  variantId: string | null;
  /** "사이즈 270"; null without a size. */
  variantLabel: string | null;
  /** The drop's opening, as it stands now. */
  opensAt: string | null;
  /** When its mail went out; null while it waits. */
  sentAt: string | null;
  createdAt: string;
};
