// Delivery details (zod only, shared by the client forms, the server actions, the JSON API and the order
// placement). Error messages are codes (keys of messages.address.fieldErrors) so forms show them in either
// language; the API answers the same codes.
import { z } from "zod";
import { toE164 } from "@/lib/accounts/phone-number";
import { text } from "@/lib/validation";

/** How many entries an address book may hold. */
export const MAX_ADDRESSES = 10;

const required = (max: number) =>
  text(max, { error: "required", tooLong: "too_long", invalidCharacters: "invalid_characters" }).min(1, { error: "required", abort: true });
const optional = (max: number) => text(max, { error: "invalid", tooLong: "too_long", invalidCharacters: "invalid_characters" }).optional().default("");

/** Korean mobile numbers (010), kept as E.164 ("+821012345678") like the verified phone. */
const mobile = required(30).transform((v, ctx) => toE164(v) ?? (ctx.addIssue({ code: "custom", message: "invalid_phone" }), z.NEVER));

/** Who receives the parcel and where: what an address book entry holds and what an order snapshots. */
export const deliverySchema = z.object(
  {
    recipient: required(40),
    phone: mobile,
    /** The 5-digit 우편번호 (기초구역번호) in use since 2015. */
    postcode: required(5).regex(/^\d{5}$/, { error: "invalid_postcode" }),
    /** The road-name address (도로명주소), as the postcode search gives it or as typed. */
    address: required(200).min(5, { error: "address_too_short" }),
    /** 상세주소: building, floor, unit. */
    detail: optional(100),
    /** 배송 메모: a preset or free text for the courier. */
    memo: optional(100),
  },
  { error: "invalid" },
);
export type Delivery = z.output<typeof deliverySchema>;
export type DeliveryInput = z.input<typeof deliverySchema>;

/** POST /api/me/addresses and PUT /api/me/addresses/{id}: the fields, and whether it becomes the default. */
export const addressInputSchema = deliverySchema.extend({ isDefault: z.boolean({ error: "invalid" }).optional() });
export type AddressInput = z.input<typeof addressInputSchema>;

/**
 * Where an order's parcel goes: one of the buyer's saved addresses, or delivery details given here.
 * PUT /api/orders/{id}/delivery takes it as the body; POST /api/orders takes the same two fields.
 */
export const deliveryChoiceSchema = z
  .object({ addressId: z.uuid({ error: "unknown_address" }).optional(), delivery: deliverySchema.optional() }, { error: "invalid" })
  .refine((v) => (v.addressId === undefined) !== (v.delivery === undefined), { error: "choose_one", path: ["delivery"] });
export type DeliveryChoice = z.output<typeof deliveryChoiceSchema>;

/** An address book entry as its owner sees it. */
export type AddressView = Delivery & { id: string; isDefault: boolean };
