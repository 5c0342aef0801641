// One place per identity: THE place where the waiting room decides who counts as one person.
// Today an identity is the account. Phone verification (issue 13, "one person, one place") plugs in here:
// return the verified phone's key instead (or as well — see docs/waiting-room.md), and every account
// sharing it shares one place; nothing else in the room changes. The pass stays bound to the account
// that claimed the place (the room's script refuses the place's pass to any other account).

export type RoomBuyer = { id: string };

/** The key a buyer's place in a room is stored under. Pure and synchronous: the status poll calls it. */
export function placeIdentity(buyer: RoomBuyer): string {
  return `u:${buyer.id}`;
}
