// Who a cart belongs to: a signed-in user or a guest token's hash. Services take this, never cookies.
import { hashGuestToken } from "./guest-token";

export type CartOwner = { kind: "user"; userId: string } | { kind: "guest"; tokenHash: string };

export const userOwner = (userId: string): CartOwner => ({ kind: "user", userId });
export const guestOwner = (token: string): CartOwner => ({ kind: "guest", tokenHash: hashGuestToken(token) });
