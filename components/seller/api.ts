"use client";
// Calls to the seller and admin JSON API from the browser; answers become values (ok / field errors /
// error code) that forms show next to their fields.
export type ApiResult<T> = { ok: true; data: T } | { ok: false; status: number; code?: string; fields?: Record<string, string[]> };

export async function api<T>(url: string, init: { method?: string; body?: unknown; form?: FormData } = {}): Promise<ApiResult<T>> {
  let res: Response;
  try {
    res = await fetch(url, {
      method: init.method ?? (init.body || init.form ? "POST" : "GET"),
      headers: init.form ? undefined : { "content-type": "application/json" },
      body: init.form ?? (init.body === undefined ? undefined : JSON.stringify(init.body)),
    });
  } catch {
    return { ok: false, status: 0 };
  }
  const json = await res.json().catch(() => null);
  if (res.ok) return { ok: true, data: json as T };
  return { ok: false, status: res.status, code: json?.error?.code, fields: json?.error?.fields };
}
