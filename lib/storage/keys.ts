// Storage keys: what may name a stored file.
/** Keys are a few safe segments: no "..", no absolute paths, no backslashes — nothing escapes the root. */
export function isSafeKey(key: string): boolean {
  if (key.length === 0 || key.length > 200) return false;
  return key.split("/").every((seg) => /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/.test(seg) && seg !== "." && seg !== "..");
}
