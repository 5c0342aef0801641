// Checking answers against the OpenAPI document (lib/openapi) with a JSON Schema 2020-12 validator in
// strict mode (Ajv 2020 with its formats: uuid, date-time… are checked, not just named).
import Ajv2020, { type ValidateFunction } from "ajv/dist/2020";
import addFormats from "ajv-formats";

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
