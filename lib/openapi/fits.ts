// How a documented answer is tied to the code that sends it, so the two cannot drift apart silently: each
// answer schema in ./answers is wrapped in fits(), which tsc checks against the type of what the route
// really sends (the service's return type, through Json<>). A field the schema requires that the code
// does not send, or sends with another type, null-ness or enum value, fails to compile. Extra fields the
// code sends are allowed by the loose objects (a new field is not a breaking change), and the
// integration tests (lib/openapi/*.int.test.ts) name any real answer's field that no schema documents.
import type { z } from "zod";

/** What JSON.stringify makes of T: a Date becomes its ISO string; objects and arrays are walked. */
export type Json<T> = T extends Date ? string : T extends readonly (infer U)[] ? Json<U>[] : T extends object ? { [K in keyof T]: Json<T[K]> } : T;

/** What an async (or plain) function hands back, as JSON. */
export type Sent<F extends (...args: never[]) => unknown> = Json<Awaited<ReturnType<F>>>;

/**
 * `schema`, once tsc has proved that `Body` — the answer's body as the code builds it — is one of its
 * values: `fits(orderAnswer)<{ order: Sent<typeof getOrderForUser> }>()`. Compile-time only.
 */
export const fits =
  <S extends z.ZodType>(schema: S) =>
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- Body exists only to be checked against the schema
  <Body extends z.output<S>>(): S =>
    schema;
