// One generated request, as the suite sends it and reports it.
export type Sent = {
  role: "guest" | "buyer" | "seller" | "admin";
  method: string;
  path: string;
  query: string;
  headers: Record<string, string>;
  ip: string;
  /** "ORIGIN" is the shop's own origin; null sends none. */
  origin: string | null;
  extraCookie: string | null;
  body: { contentType?: string; text?: string; form?: [string, string][] };
};
