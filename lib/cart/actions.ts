"use server";
// Server actions for the cart page and the add-to-cart button: the same zod schemas and services as
// the route handlers under app/api/cart. Each refreshes the client router so totals and the badge update.
import { refresh } from "next/cache";
import { headers } from "next/headers";
import { clientIp } from "@/lib/client-address";
import { runAction, type ActionResult } from "@/lib/action";
import { notFound } from "@/lib/errors";
import { parseInput, parseId } from "@/lib/validation";
import { addCartItemSchema, selectAllSchema, updateCartItemSchema, type AddResult, type CartView } from "./schemas";
import { addCartItem, dismissMergeNotice, removeCartItem, setAllSelected, updateCartItem } from "./service";
import { getActionCartOwner, keepGuestToken } from "./viewer";

export async function addToCartAction(input: unknown): Promise<ActionResult<{ result: AddResult; cart: CartView }>> {
  return runAction(addCartItemSchema, input, async (parsed) => {
    const { owner, newToken } = await getActionCartOwner(true);
    const added = await addCartItem(owner!, parsed, { ip: clientIp(await headers()) });
    if (newToken) await keepGuestToken(newToken); // no cookie for an add that failed: no cart was made
    refresh();
    return added;
  });
}

export async function updateCartItemAction(itemId: string, input: unknown): Promise<ActionResult<CartView>> {
  return runAction(async () => {
    const id = parseId(itemId, "cart item");
    const parsed = parseInput(updateCartItemSchema, input);
    const { owner } = await getActionCartOwner();
    if (!owner) throw notFound("cart item");
    const cart = await updateCartItem(owner, id, parsed);
    refresh();
    return cart;
  });
}

export async function removeCartItemAction(itemId: string): Promise<ActionResult<CartView>> {
  return runAction(async () => {
    const id = parseId(itemId, "cart item");
    const { owner } = await getActionCartOwner();
    if (!owner) throw notFound("cart item");
    const cart = await removeCartItem(owner, id);
    refresh();
    return cart;
  });
}

export async function selectAllAction(input: unknown): Promise<ActionResult<CartView>> {
  return runAction(selectAllSchema, input, async ({ selected }) => {
    const { owner } = await getActionCartOwner();
    if (!owner) throw notFound("cart");
    const cart = await setAllSelected(owner, selected);
    refresh();
    return cart;
  });
}

export async function dismissMergeNoticeAction(): Promise<ActionResult<null>> {
  return runAction(async () => {
    const { user } = await getActionCartOwner();
    if (user) await dismissMergeNotice(user.id);
    refresh();
    return null;
  });
}

/** Removes a guest cookie whose cart was merged while rendering a page (merging again if it was not). */
export async function forgetGuestCartAction(): Promise<void> {
  await getActionCartOwner();
}
