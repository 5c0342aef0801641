// Korean mobile numbers: what a buyer may type, the one form we store and index (E.164), and how we show
// it. Pure and shared by the client forms and the server.

/** 010-1234-5678, 01012345678, 010 1234 5678, +82 10-1234-5678, +821012345678 → "+821012345678"; else null. */
export function toE164(input: string): string | null {
  const compact = input.trim().replace(/[\s.()-]/g, "");
  const national = compact.startsWith("+82") ? `0${compact.slice(3).replace(/^0/, "")}` : compact.startsWith("0082") ? `0${compact.slice(4)}` : compact;
  return /^010\d{8}$/.test(national) ? `+82${national.slice(1)}` : null;
}

/** "+821012345678" → "010-1234-5678". */
export function formatMobile(e164: string): string {
  const n = `0${e164.slice(3)}`;
  return `${n.slice(0, 3)}-${n.slice(3, 7)}-${n.slice(7)}`;
}

/** "+821012345678" → "010-****-5678": enough for the owner to recognize, nothing for a shoulder-surfer. */
export function maskMobile(e164: string): string {
  const n = formatMobile(e164);
  return `${n.slice(0, 4)}****${n.slice(8)}`;
}
