// A server action called with JavaScript (the Next-Action header) whose body cannot be an argument list is
// refused in proxy.ts with a 400, before Next's action handler: its decodeReply throws on text that is not
// JSON, and action.apply(null, args) on a number, string or boolean — both answered as 500s. Next's client
// always sends the arguments as a JSON array: the whole body, or multipart field "0" (React's encodeReply).
// Strings starting with "$" are React's references: most name another part of a multipart body, and one
// naming a part that is not there crashes decodeReply too ("Connection closed.").
// Plumbing with no server-only imports: proxy.ts runs it in every deployment mode.
import { MAX_JSON_DEPTH, nestsDeeperThan, readCappedText } from "@/lib/body";
import { AppError } from "@/lib/errors";

/** Next's serverActions.bodySizeLimit (its default, 1 MB): over it, Next's handler crashes with a 500. */
export const NEXT_ACTION_BODY_LIMIT = 1024 * 1024;

export const notAnArgumentList = () => new AppError("BAD_REQUEST", "Server action arguments must be a JSON array");

/** The refusal for a server action call whose arguments Next could not decode, or null to let Next run it. */
export async function actionArgumentsRefusal(request: Request): Promise<AppError | null> {
  if (request.method !== "POST" || !request.headers.has("next-action")) return null;
  const type = request.headers.get("content-type");
  // As Next classifies them: urlencoded is not an action (Next answers 404).
  if (type === "application/x-www-form-urlencoded") return null;
  let text: string;
  try {
    text = await readCappedText(request, NEXT_ACTION_BODY_LIMIT); // over it: 413 (Next throws a 413 that ends as a 500)
  } catch (err) {
    return err instanceof AppError ? err : notAnArgumentList();
  }
  const ok = type?.startsWith("multipart/form-data") ? await multipartOk(text, type) : isArgumentList(text, noParts);
  return ok ? null : notAnArgumentList();
}

const noParts = () => false;

/** Field "0" of a multipart call is the argument list; its references may name the call's other parts. */
async function multipartOk(body: string, type: string): Promise<boolean> {
  const form = await new Response(body, { headers: { "content-type": type } }).formData().catch(() => null);
  const root = form?.get("0");
  return typeof root === "string" && isArgumentList(root, (field) => field !== "0" && form!.has(field));
}

/**
 * JSON text of an array, within the shop's nesting cap (a deep one would overflow the decoder's stack),
 * whose references name parts the body has (`hasPart`; a text body has none).
 */
export function isArgumentList(text: string | null, hasPart: (field: string) => boolean): boolean {
  if (text === null || nestsDeeperThan(text, MAX_JSON_DEPTH)) return false;
  let args: unknown;
  try {
    args = JSON.parse(text);
  } catch {
    return false;
  }
  return Array.isArray(args) && everyString(args, (s) => decodable(s, hasPart));
}

function everyString(value: unknown, ok: (s: string) => boolean): boolean {
  if (typeof value === "string") return ok(value);
  if (value && typeof value === "object") return Object.values(value).every((v) => everyString(v, ok)); // keys are never references
  return true;
}

/** React reply tags that stand alone: "$$" (an escaped "$"), undefined, Infinity, -0/-Infinity, NaN, a date, a temporary reference, FormData fields by prefix. */
const STANDALONE = new Set(["$", "u", "I", "-", "N", "D", "T", "K"]);
const BIGINT = /^\$n-?\d{1,300}$/;

/** Whether decodeReply reads this string without failing: plain text, a standalone tag, or a reference to a part that is there. */
function decodable(s: string, hasPart: (field: string) => boolean): boolean {
  if (s[0] !== "$") return true;
  if (s[1] === "n") return BIGINT.test(s);
  if (STANDALONE.has(s[1])) return true;
  // "$<hex>[:path]" is an outlined value; any other tag is followed by the hex id of the part it reads.
  const id = parseInt(/^[0-9a-f]$/i.test(s[1] ?? "") ? s.slice(1) : s.slice(2), 16);
  return Number.isSafeInteger(id) && hasPart(String(id));
}
