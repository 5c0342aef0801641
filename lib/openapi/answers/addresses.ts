// Answers of the address book API and the delivery details an order carries (lib/addresses).
import { z } from "zod";
import type { AddressView, Delivery } from "@/lib/addresses/schemas";
import { fits } from "../fits";
import { str } from "../responses";

/** Who receives the parcel and where (decrypted for the order's buyer and its seller only). */
export const deliverySchema = fits(
  z.looseObject({
    recipient: str,
    phone: str.describe("E.164, e.g. +821012345678"),
    postcode: str.describe("5 digits"),
    address: str.describe("The road-name address"),
    detail: str,
    memo: str.describe("배송 메모"),
  }),
)<Delivery>();

const addressView = fits(deliverySchema.extend({ id: z.uuid(), isDefault: z.boolean() }))<AddressView>();
export const addressAnswerSchema = z.looseObject({ address: addressView });
export const addressBookSchema = z.looseObject({ addresses: z.array(addressView).describe("The default first") });
