// What the shop's cached pages leave out, per viewer: who is signed in, the cart's line count and the
// hearted products. Plain JSON, imported by the header and heart islands (no server code here).
import type { Role } from "@/lib/generated/prisma/client";

export type ViewerSummary = {
  user: { name: string | null; role: Role } | null;
  cartCount: number;
  /** The user's wishlisted product ids, newest first (at most WISHLIST_IDS_MAX). */
  wishlist: string[];
};

/** Hearts beyond this many (the oldest) show empty on cards; the wishlist page still lists them all. */
export const WISHLIST_IDS_MAX = 500;

export const VIEWER_SUMMARY_PATH = "/api/me/summary";
