// Checking answers against the OpenAPI document (lib/openapi) with a JSON Schema 2020-12 validator in
// strict mode (Ajv 2020 with its formats: uuid, date-time… are checked, not just named).
import Ajv2020, { type ValidateFunction } from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { expect } from "vitest";

type Json = Record<string, unknown>;

export function strictAjv(): Ajv2020 {
  const ajv = new Ajv2020({ strict: true, strictRequired: false, allowUnionTypes: true, allErrors: true });
  addFormats(ajv);
  return ajv;
}

/** The node with every local `$ref` ("#/components/…") replaced by what it points at. */
export function deref(doc: Json, node: unknown): unknown {
  if (Array.isArray(node)) return node.map((n) => deref(doc, n));
  if (!node || typeof node !== "object") return node;
  const ref = (node as Json).$ref;
  if (typeof ref === "string" && ref.startsWith("#/")) {
    const target = ref.slice(2).split("/").reduce<unknown>((at, key) => (at as Json)[key], doc);
    return deref(doc, target);
  }
  return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, deref(doc, v)]));
}

/** Every `schema` in the document's paths and components, dereferenced. */
export function allSchemas(doc: Json): unknown[] {
  const found: unknown[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== "object") return;
    for (const [k, v] of Object.entries(node)) {
      if (k === "schema") found.push(deref(doc, v));
      else walk(v);
    }
  };
  walk(doc.paths);
  walk(doc.components);
  return found;
}

/** The validator of the JSON answer the document gives for this operation and status. */
export function answerValidator(doc: Json, path: string, method: string, status: number): ValidateFunction {
  const op = (doc.paths as Record<string, Record<string, Json>>)[path]?.[method.toLowerCase()];
  if (!op) throw new Error(`${method} ${path} is not in the document`);
  const answer = deref(doc, (op.responses as Json)[String(status)]) as { content?: Record<string, { schema: Json }> } | undefined;
  const schema = answer?.content?.["application/json"]?.schema;
  if (!schema) throw new Error(`${method} ${path} documents no JSON answer for ${status}`);
  return strictAjv().compile(schema);
}

/** The schema with every loose object closed (`additionalProperties: false`): a field no schema names fails it. */
export function closed(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(closed);
  if (!node || typeof node !== "object") return node;
  const out = Object.fromEntries(Object.entries(node).map(([k, v]) => [k, k === "properties" ? Object.fromEntries(Object.entries(v as Json).map(([p, s]) => [p, closed(s)])) : closed(v)]));
  // Only objects that list their fields; a free-form value (`{}`, a record) stays open.
  if (out.type === "object" && out.properties && Object.keys(out.properties as Json).length > 0 && typeof out.additionalProperties === "object" && Object.keys(out.additionalProperties as Json).length === 0) out.additionalProperties = false;
  return out;
}

/** The JSON schema the document gives for this operation's answer with this status (undefined: no body). */
export function answerSchema(doc: Json, path: string, method: string, status: number): Json | undefined {
  const op = (doc.paths as Record<string, Record<string, Json>>)[path]?.[method.toLowerCase()];
  if (!op) throw new Error(`${method} ${path} is not in the document`);
  const answer = deref(doc, (op.responses as Json)[String(status)]) as { content?: Record<string, { schema: Json }> } | undefined;
  if (!answer) throw new Error(`${method} ${path} does not document ${status}`);
  return answer.content?.["application/json"]?.schema;
}

export type Checked = { status: number; body: Record<string, any>; valid: boolean; errors: unknown[]; undocumented: string[]; headers: Headers }; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * A real answer held against the document: its status must be one the operation documents, its body valid
 * under that status's schema (`errors` says why not), and `undocumented` names each field of the body that
 * no schema describes (the schemas are loose, so only the closed copy notices them).
 */
export async function checkAnswer(doc: Json, path: string, method: string, res: Response): Promise<Checked> {
  const schema = answerSchema(doc, path, method, res.status);
  const text = await res.text();
  if (!schema) return { status: res.status, body: {}, valid: text === "", errors: text === "" ? [] : [`a body where none is documented: ${text.slice(0, 80)}`], undocumented: [], headers: res.headers };
  const body = JSON.parse(text) as Record<string, unknown>;
  const validate = strictAjv().compile(schema);
  const valid = validate(body);
  const strict = strictAjv().compile(closed(schema) as Json);
  strict(body);
  const undocumented = (strict.errors ?? []).filter((e) => e.keyword === "additionalProperties").map((e) => `${e.instancePath}/${(e.params as { additionalProperty: string }).additionalProperty}`);
  return { status: res.status, body, valid, errors: validate.errors ?? [], undocumented: [...new Set(undocumented)], headers: res.headers };
}

/** Fails unless the answer has this status, a body valid under the document, and no undocumented field. */
export function expectConforms(a: Checked, status: number): void {
  expect({ status: a.status, errors: a.errors, undocumented: a.undocumented }, JSON.stringify(a.body).slice(0, 300)).toEqual({ status, errors: [], undocumented: [] });
}
