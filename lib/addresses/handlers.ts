import "server-only";
// Plain Request → Response handlers of the address book API (/api/me/addresses…), mounted by app/api
// through lib/http.ts's route(). The server actions (./actions.ts) call the same service functions.
import { requireUser } from "@/lib/auth/guards";
import { readJson } from "@/lib/body";
import { parseId } from "@/lib/validation";
import { listAddresses } from "./queries";
import { createAddress, deleteAddress, setDefaultAddress, updateAddress } from "./service";

export async function handleListAddresses(req: Request): Promise<Response> {
  const user = await requireUser(req);
  return Response.json({ addresses: await listAddresses(user.id) }, { headers: { "cache-control": "private, no-store" } });
}

export async function handleCreateAddress(req: Request): Promise<Response> {
  const user = await requireUser(req);
  return Response.json({ address: await createAddress(user.id, await readJson(req)) }, { status: 201 });
}

export async function handleUpdateAddress(req: Request, id: string): Promise<Response> {
  const user = await requireUser(req);
  return Response.json({ address: await updateAddress(user.id, parseId(id, "address"), await readJson(req)) });
}

export async function handleDeleteAddress(req: Request, id: string): Promise<Response> {
  const user = await requireUser(req);
  await deleteAddress(user.id, parseId(id, "address"));
  return new Response(null, { status: 204 });
}

export async function handleSetDefaultAddress(req: Request, id: string): Promise<Response> {
  const user = await requireUser(req);
  await setDefaultAddress(user.id, parseId(id, "address"));
  return Response.json({ addresses: await listAddresses(user.id) });
}
