// One place per identity: THE place where the waiting room decides who counts as one person.
// An identity is the buyer's verified mobile number when they have one (its blind index, carried by the live
// session: lib/auth/session-store.ts), else the account. Every account sharing a verified number shares one
// place (issue 13, "one person, one place"); nothing else in the room changes. The pass stays bound to the
// account that claimed the place (the room's script refuses the place's pass to any other account: `elsewhere`).

/** `phoneHash`: the blind index of the buyer's verified mobile number (SessionUser.phoneHash); absent or null = none. */
export type RoomBuyer = { id: string; phoneHash?: string | null };

/** The key a buyer's place in a room is stored under. Pure and synchronous: the status poll calls it. */
export function placeIdentity(buyer: RoomBuyer): string {
  return buyer.phoneHash ? `ph:${buyer.phoneHash}` : `u:${buyer.id}`;
}
