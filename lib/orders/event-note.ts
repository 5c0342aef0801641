// Notes on an order's timeline (OrderEvent.note) and refund reasons are stored as a code with parameters —
// `hold_placed {"units":2}` — and rendered through lib/i18n, never as English sentences. A buyer's own reason
// (cancel, return) is stored as typed and shown as the buyer's words. Rows written before the codes hold
// English sentences; the known ones are read back as codes (`legacy` below), so no migration is needed.
export const noteCodes = [
  "hold_placed", "payment_confirming", "payment_found_approved", "paid", "payment_declined", "payment_failed",
  "step_ship", "step_deliver", "step_completeReturn", "cancelled_by_buyer", "return_requested", "return_completed",
  "cancelled_outside", "compensation", "shipped_by_seller",
] as const;
export type NoteCode = (typeof noteCodes)[number];
export type NoteParams = Record<string, string | number>;
export type ParsedNote = { code: NoteCode; params: NoteParams } | { text: string };

/** The stored form of a coded note. */
export function eventNote(code: NoteCode, params?: NoteParams): string {
  return params && Object.keys(params).length > 0 ? `${code} ${JSON.stringify(params)}` : code;
}

const isCode = (v: string): v is NoteCode => (noteCodes as readonly string[]).includes(v);

// English sentences written before the codes (and by SQL this change did not reach), read as codes.
const legacy: [RegExp, (m: RegExpMatchArray) => { code: NoteCode; params: NoteParams }][] = [
  [/^hold of (\d+) unit\(s\)$/, (m) => ({ code: "hold_placed", params: { units: Number(m[1]) } })],
  [/^payment confirming$/, () => ({ code: "payment_confirming", params: {} })],
  [/^payment found approved$/, () => ({ code: "payment_found_approved", params: {} })],
  [/^paid \((.*)\)$/, (m) => ({ code: "paid", params: { method: m[1] } })],
  [/^payment declined \(([^)]*)\).*$/, (m) => ({ code: "payment_declined", params: { code: m[1] } })],
  [/^payment failed: (.*)$/, (m) => ({ code: "payment_failed", params: { code: m[1] } })],
  [/^(ship|deliver|completeReturn) \(after (\d+) s\)$/, (m) => ({ code: `step_${m[1]}` as NoteCode, params: { seconds: Number(m[2]) } })],
  [/^cancelled by (the )?buyer$/, () => ({ code: "cancelled_by_buyer", params: {} })],
  [/^return requested by the buyer$/, () => ({ code: "return_requested", params: {} })],
  [/^return completed$/, () => ({ code: "return_completed", params: {} })],
  [/^shipped by the seller$/, () => ({ code: "shipped_by_seller", params: {} })],
  [/^(payment )?cancelled outside the shop:? ?(.*)$/, (m) => ({ code: "cancelled_outside", params: { reason: m[2] } })],
  [/^compensation: (.*)$/, (m) => ({ code: "compensation", params: { code: m[1] } })],
];

export function parseEventNote(note: string): ParsedNote {
  const coded = /^([a-zA-Z_]+)(?: (\{.*\}))?$/.exec(note);
  if (coded && isCode(coded[1])) {
    try {
      return { code: coded[1], params: coded[2] ? (JSON.parse(coded[2]) as NoteParams) : {} };
    } catch {
      return { text: note };
    }
  }
  for (const [re, read] of legacy) {
    const m = re.exec(note);
    if (m) return read(m);
  }
  return { text: note };
}
