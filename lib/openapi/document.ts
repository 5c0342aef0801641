// The OpenAPI 3.1 document of /api, built from the route registry (./registry.ts) with zod 4's own JSON
// Schema output (OpenAPI 3.1's schemas are JSON Schema 2020-12). Requests are described as they may be
// sent (io "input": defaults optional, coercions as their target type), answers as they come back.
import { z } from "zod";
import { sellerQuerySchema } from "@/lib/seller/schemas";
import type { Access, Answer, Method, Operation } from "./operation";
import { operations } from "./registry";
import { errorSchema } from "./responses";

type Json = Record<string, unknown>;

const ERROR_REF = { $ref: "#/components/schemas/Error" };

/** JSON Schema 2020-12 of a zod schema; checks zod cannot express (refinements, transforms) are left out, never guessed. */
export function jsonSchemaOf(schema: z.ZodType, io: "input" | "output"): Json {
  const json = z.toJSONSchema(schema, { target: "draft-2020-12", io, unrepresentable: "any" }) as Json;
  delete json.$schema; // the document names its dialect once (jsonSchemaDialect)
  return json;
}

const errorDescriptions: Record<number, string> = {
  400: "Bad request: query parameters, or a body that is not JSON or too deep (`fields` names each problem)",
  401: "Not signed in",
  403: "Forbidden: wrong role, a cross-site request, or a precondition of the account (see `code`)",
  404: "Not found (also any id that is not a UUID, and anyone else's resource)",
  409: "Refused in the resource's current state (sold out, not open, ended, limit, transition…; see `code`)",
  413: "Body over the route's limit (the connection is closed after the answer)",
  422: "Invalid input: `fields` maps each dotted field path to its messages",
  429: "Rate limited (Retry-After says when to come back)",
  500: "Internal error",
  503: "Unavailable for now (Retry-After where known)",
};

const securityOf: Record<Access, Json[] | undefined> = {
  public: undefined,
  user: [{ session: [] }],
  seller: [{ session: [] }],
  admin: [{ session: [] }],
  cron: [{ cronSecret: [] }],
  // Open in the demo, a bearer token in production (METRICS_TOKEN): both alternatives are listed.
  metrics: [{}, { metricsToken: [] }],
  "test-hooks": undefined,
};

/** The error statuses an operation can answer: its own plus those of route()'s common steps. */
function errorStatuses(method: Method, op: Operation): number[] {
  const all = new Set(op.errors);
  if (op.access !== "public" && op.access !== "test-hooks" && op.access !== "metrics") all.add(401);
  if (op.access === "seller" || op.access === "admin") all.add(403);
  if (op.access === "seller") [400, 404].forEach((s) => all.add(s)); // ?sellerId= (lib/seller/http.ts): malformed, or no such seller
  if (method !== "GET" && !op.serverToServer) all.add(403); // route()'s same-origin check on state changes
  if (op.query) all.add(400);
  if (op.body && "schema" in op.body) [400, 413, 422].forEach((s) => all.add(s));
  all.add(500);
  return [...all].sort((a, b) => a - b);
}

function parametersOf(path: string, op: Operation): Json[] {
  const params: Json[] = Object.entries(op.params ?? {}).map(([name, description]) => ({ name, in: "path", required: true, description, schema: { type: "string" } }));
  const query = op.query ?? (op.access === "seller" ? sellerQuerySchema : undefined);
  if (query) {
    const schema = jsonSchemaOf(query, "input") as { properties?: Record<string, Json>; required?: string[] };
    for (const [name, s] of Object.entries(schema.properties ?? {})) params.push({ name, in: "query", required: schema.required?.includes(name) ?? false, schema: s });
  }
  for (const [name, h] of Object.entries(op.headers ?? {})) params.push({ name, in: "header", required: h.required, description: h.description, schema: jsonSchemaOf(h.schema, "input") });
  if (params.some((p) => p.in === "path" && !path.includes(`{${p.name as string}}`))) throw new Error(`${path}: a path parameter is not in the path`);
  return params;
}

function requestBodyOf(op: Operation): Json | undefined {
  const body = op.body;
  if (!body) return undefined;
  if ("schema" in body) return { required: !body.optional, content: { "application/json": { schema: jsonSchemaOf(body.schema, "input") } } };
  if ("multipart" in body) {
    const properties = Object.fromEntries(Object.entries(body.multipart).map(([k, description]) => [k, { type: "string", contentMediaType: "application/octet-stream", description }]));
    return { required: true, content: { "multipart/form-data": { schema: { type: "object", properties, required: Object.keys(properties) } } } };
  }
  return { required: true, description: body.text, content: { "application/x-www-form-urlencoded": { schema: { type: "object" } } } };
}

const headersOf = (headers: Record<string, string>): Json =>
  Object.fromEntries(Object.entries(headers).map(([name, description]) => [name, { description, schema: { type: "string" } }]));

function answerOf(a: Answer): Json {
  const headers = a.headers && { headers: headersOf(a.headers) };
  if (!a.schema && !a.contentType) return { description: a.description, ...headers };
  const schema = a.schema ? jsonSchemaOf(a.schema, "output") : { type: "string", contentMediaType: a.contentType };
  return { description: a.description, ...headers, content: { [a.contentType ?? "application/json"]: { schema } } };
}

/** route() sends Retry-After with every error that carries `retryAfter` (lib/http.ts): rate limits and most 503s. */
const errorHeaders: Record<number, Record<string, string>> = {
  429: { "Retry-After": "Seconds to wait before trying again" },
  503: { "Retry-After": "Seconds to wait, where known" },
  413: { Connection: "close: the rest of the body is never read" },
};

function operationOf(path: string, method: Method, op: Operation): Json {
  const responses: Json = {};
  for (const [status, a] of Object.entries(op.ok)) responses[status] = answerOf(a);
  for (const status of errorStatuses(method, op)) responses[status] ??= { $ref: `#/components/responses/E${status}` };
  const security = securityOf[op.access];
  return {
    operationId: `${method.toLowerCase()}${path.replace(/[{}]/g, "").replace(/[^a-zA-Z0-9]+(.)?/g, (_m, c: string | undefined) => (c ?? "").toUpperCase())}`,
    summary: op.summary,
    ...(op.description && { description: op.description }),
    tags: [op.tag],
    ...(security && { security }),
    parameters: parametersOf(path, op),
    ...(requestBodyOf(op) && { requestBody: requestBodyOf(op) }),
    responses,
  };
}

function buildDocument(): Json {
  const paths: Json = {};
  for (const [path, methods] of Object.entries(operations)) {
    paths[path] = Object.fromEntries(Object.entries(methods).map(([m, op]) => [m.toLowerCase(), operationOf(path, m as Method, op)]));
  }
  const responses = Object.fromEntries(
    Object.entries(errorDescriptions).map(([s, description]) => {
      const headers = errorHeaders[Number(s)];
      return [`E${s}`, { description, ...(headers && { headers: headersOf(headers) }), content: { "application/json": { schema: ERROR_REF } } }];
    }),
  );
  return {
    openapi: "3.1.1",
    info: {
      title: "Hurry Up API",
      version: "1",
      description:
        "The flash-sale shop's HTTP API. Money is integer won. Every error has one shape, `{ error: { code, message, fields? } }`. " +
        "State-changing requests from a browser must come from the shop's own origin. Sessions are Auth.js cookies (sign in at /api/auth/callback/credentials).",
    },
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    paths,
    components: {
      schemas: { Error: jsonSchemaOf(errorSchema, "output") },
      responses,
      securitySchemes: {
        session: { type: "apiKey", in: "cookie", name: "authjs.session-token", description: "Auth.js session cookie (`__Secure-authjs.session-token` over https)" },
        cronSecret: { type: "http", scheme: "bearer", description: "CRON_SECRET" },
        metricsToken: { type: "http", scheme: "bearer", description: "METRICS_TOKEN (production)" },
      },
    },
  };
}

let built: Json | undefined;
/** The document, built once per process (the schemas do not change while it runs). */
export function openApiDocument(): Json {
  return (built ??= buildDocument());
}
