"use client";
// Turns a picker's choice into what the server takes ({ addressId } or { delivery }), saving a new address
// to the book first when the buyer asked for it (then the order copies that entry).
import { createAddressAction } from "@/lib/addresses/actions";
import type { ActionError } from "@/lib/action-state";
import type { DeliveryDraft } from "./address-fields";
import type { DeliveryPick } from "./delivery-picker";

export type DeliveryBody = { addressId: string } | { delivery: DeliveryDraft };

export async function resolvePick(pick: DeliveryPick): Promise<{ ok: true; body: DeliveryBody } | { ok: false; error: ActionError }> {
  if (pick.kind === "saved") return { ok: true, body: { addressId: pick.addressId } };
  if (!pick.save) return { ok: true, body: { delivery: pick.delivery } };
  const saved = await createAddressAction(pick.delivery);
  return saved.ok ? { ok: true, body: { addressId: saved.data.id } } : { ok: false, error: saved.error };
}
