// zod at the edges: query strings that fail are 400 (bad request), JSON bodies that fail are 422, and
// every field error is kept, keyed by its dotted path.
import { z } from "zod";
import { AppError, type FieldErrors } from "@/lib/errors";
import { readJson, type RequestLike } from "@/lib/http";

export function fieldErrors(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "_";
    (fields[key] ??= []).push(issue.message);
  }
  return fields;
}

export function parseQuery<T extends z.ZodType>(schema: T, params: URLSearchParams): z.infer<T> {
  const parsed = schema.safeParse(Object.fromEntries(params));
  if (!parsed.success) throw new AppError("BAD_REQUEST", "Invalid query parameters", fieldErrors(parsed.error));
  return parsed.data;
}

export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new AppError("VALIDATION", "Invalid input", fieldErrors(parsed.error));
  return parsed.data;
}

export async function parseBody<T extends z.ZodType>(schema: T, req: Pick<RequestLike, "json">): Promise<z.infer<T>> {
  return parseInput(schema, await readJson(req));
}

/** Route segment ids are UUIDs; anything else cannot exist. */
export const idSchema = z.uuid();
export function parseId(id: string, what = "resource"): string {
  if (!idSchema.safeParse(id).success) throw new AppError("NOT_FOUND", `${what} not found`);
  return id;
}
