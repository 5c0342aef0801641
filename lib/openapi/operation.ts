// What the registry (./registry.ts, ./routes/*) says about one operation, and the helpers its entries
// are written with. lib/openapi/document.ts turns the entries into the OpenAPI document.
import type { z } from "zod";

export type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** Who may call: nobody in particular, a signed-in user (session cookie), a seller or admin, an admin, Vercel Cron, the test hooks. */
export type Access = "public" | "user" | "seller" | "admin" | "cron" | "metrics" | "test-hooks";

/** A success answer (or a documented non-error answer such as a hook's 409): its body's schema and the headers that matter. */
export type Answer = { description: string; schema?: z.ZodType; contentType?: string; headers?: Record<string, string> };

export type Operation = {
  summary: string;
  tag: string;
  access: Access;
  description?: string;
  /** Path parameters, in the order of the path; all strings (ids are UUIDs unless said otherwise). */
  params?: Record<string, string>;
  query?: z.ZodObject;
  headers?: Record<string, { schema: z.ZodType; required: boolean; description: string }>;
  /** A JSON body (validated, 422 on failure); "optional" when an empty body is accepted. */
  body?: { schema: z.ZodType; optional?: boolean } | { multipart: Record<string, string> } | { text: string };
  /** Answers by status: the successes, and any non-error answer (an error status here replaces the error shape). */
  ok: Record<number, Answer>;
  /** Called by another server (no Origin check: the route proves the caller another way). */
  serverToServer?: true;
  /** Error statuses this operation answers with the error shape (lib/errors.ts), beyond the common ones. */
  errors: number[];
};

export type Operations = Record<string, Partial<Record<Method, Operation>>>;

export const uuid = (what: string) => `The ${what}'s id (a UUID; anything else is 404)`;
export const orderIdParam = "The order's id (6–64 of [A-Za-z0-9_-]; anything else is 404)";

type Extra = { headers?: Record<string, string> };
export const ok = (description: string, schema: z.ZodType, extra: Extra = {}): Record<number, Answer> => ({ 200: { description, schema, ...extra } });
export const created = (description: string, schema: z.ZodType, extra: Extra = {}): Record<number, Answer> => ({ 201: { description, schema, ...extra } });
export const accepted = (description: string, schema: z.ZodType): Record<number, Answer> => ({ 202: { description, schema } });
export const noContent = (description: string, extra: Extra = {}): Record<number, Answer> => ({ 204: { description, ...extra } });
export const json = (schema: z.ZodType, optional = false) => ({ schema, optional });

/** Response headers that several routes send. */
export const cartCookie = { "Set-Cookie": "The guest cart's cookie when one was issued or dropped (merged after sign-in)" };
export const clearsSession = { "Set-Cookie": "Clears the session cookie" };
export const noStore = { "Cache-Control": "no-store (or private, no-store)" };
