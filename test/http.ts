// Building real Requests for calling route handlers directly in integration tests.
import { env } from "@/lib/env";

export const origin = new URL(env.APP_URL).origin;

export function jsonRequest(path: string, init: { method?: string; body?: unknown; cookie?: string; origin?: string | null; headers?: Record<string, string> } = {}) {
  const headers: Record<string, string> = { "content-type": "application/json", "x-forwarded-for": randomIp(), ...init.headers };
  if (init.origin !== null) headers.origin = init.origin ?? origin;
  if (init.cookie) headers.cookie = init.cookie;
  return new Request(`${origin}${path}`, {
    method: init.method ?? (init.body === undefined ? "GET" : "POST"),
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
}

/** A fresh client address per request unless a test pins one: per-IP limits stay out of unrelated tests. */
export const randomIp = () => `10.${rnd()}.${rnd()}.${rnd()}`;
const rnd = () => Math.floor(Math.random() * 256);

/** The `ctx` argument of a route handler (Next passes params as a Promise). */
export const ctx = <P extends object = Record<string, never>>(params?: P) => ({ params: Promise.resolve((params ?? {}) as P) });

export const cookieHeader = (c: { name: string; value: string }) => `${c.name}=${c.value}`;
