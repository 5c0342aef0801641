"use server";
// Server actions of the address book (account page, checkout, an order awaiting its delivery details):
// thin adapters over the same services and schemas as the JSON API. (Next checks their Origin itself.)
import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/action";
import { requireActionUser } from "@/lib/auth/guards";
import { setOrderDelivery } from "@/lib/orders/delivery";
import { isOrderId } from "@/lib/orders/queries";
import { notFound } from "@/lib/errors";
import { idSchema } from "@/lib/validation";
import { deliveryChoiceSchema, type AddressView } from "./schemas";
import { createAddress, deleteAddress, setDefaultAddress, updateAddress } from "./service";

const id = (value: unknown) => {
  if (!idSchema.safeParse(value).success) throw notFound("address");
  return value as string;
};

export async function createAddressAction(input: unknown): Promise<ActionResult<AddressView>> {
  return runAction(async () => {
    const user = await requireActionUser();
    const address = await createAddress(user.id, input);
    revalidatePath("/account/addresses");
    return address;
  });
}

export async function updateAddressAction(addressId: unknown, input: unknown): Promise<ActionResult<AddressView>> {
  return runAction(async () => {
    const user = await requireActionUser();
    const address = await updateAddress(user.id, id(addressId), input);
    revalidatePath("/account/addresses");
    return address;
  });
}

export async function deleteAddressAction(addressId: unknown): Promise<ActionResult> {
  return runAction(async () => {
    const user = await requireActionUser();
    await deleteAddress(user.id, id(addressId));
    revalidatePath("/account/addresses");
  });
}

export async function setDefaultAddressAction(addressId: unknown): Promise<ActionResult> {
  return runAction(async () => {
    const user = await requireActionUser();
    await setDefaultAddress(user.id, id(addressId));
    revalidatePath("/account/addresses");
  });
}

/** The delivery details of an unpaid order (a buy-now's, within its hold): `{ addressId }` or `{ delivery }`. */
export async function setOrderDeliveryAction(orderId: unknown, input: unknown): Promise<ActionResult> {
  return runAction(deliveryChoiceSchema, input, async (choice) => {
    const user = await requireActionUser();
    if (typeof orderId !== "string" || !isOrderId(orderId)) throw notFound("order");
    await setOrderDelivery(user.id, orderId, choice);
    revalidatePath(`/orders/${orderId}`);
  });
}
