// The document against the route files: every route under app/api (found on disk as the fuzz suite finds
// them) appears with each of its methods, nothing is documented that no route serves, and every schema in
// the document is valid JSON Schema 2020-12.
import { describe, expect, it } from "vitest";
import { discoverRoutes, type RouteEndpoint } from "@/test/fuzz/discover";
import { allSchemas, strictAjv } from "@/test/openapi";
import { openApiDocument } from "./document";

type Paths = Record<string, Record<string, { operationId: string; parameters: { name: string; in: string }[] } & Record<string, unknown>>>;

/** `/api/orders/[id]` as OpenAPI writes it: `/api/orders/{id}` (a catch-all is one parameter). */
const openApiPath = (r: RouteEndpoint) => "/" + r.segments.map((s) => (s.kind === "static" ? s.value : `{${s.name}}`)).join("/");

/** "METHOD /path" of the routes missing from the document, and of the document's operations no route serves. */
function compareWithRoutes(routes: RouteEndpoint[], paths: Paths) {
  const served = new Set(routes.flatMap((r) => r.methods.filter((m) => m !== "HEAD" && m !== "OPTIONS").map((m) => `${m} ${openApiPath(r)}`)));
  const documented = new Set(Object.entries(paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`)));
  return { undocumented: [...served].filter((x) => !documented.has(x)).sort(), unserved: [...documented].filter((x) => !served.has(x)).sort() };
}

const doc = openApiDocument();
const paths = doc.paths as Paths;
const routes = discoverRoutes(process.cwd());

describe("the OpenAPI document", () => {
  it("describes every route file's methods, and nothing else", () => {
    expect(routes.length).toBeGreaterThan(50);
    expect(compareWithRoutes(routes, paths)).toEqual({ undocumented: [], unserved: [] });
  });

  it("notices a route file it lacks and a method it lacks", () => {
    const extra: RouteEndpoint = { kind: "route", file: "app/api/new/[id]/route.ts", segments: [{ kind: "static", value: "api" }, { kind: "static", value: "new" }, { kind: "param", name: "id", catchAll: false, after: "new" }], methods: ["GET"] };
    const health = routes.find((r) => r.file === "app/api/health/route.ts")!;
    const withPut = { ...health, methods: [...health.methods, "PUT"] };
    expect(compareWithRoutes([...routes.filter((r) => r !== health), extra, withPut], paths).undocumented).toEqual(["GET /api/new/{id}", "PUT /api/health"]);
  });

  it("declares each path parameter of each operation, and unique operation ids", () => {
    const ids = new Set<string>();
    for (const [path, ops] of Object.entries(paths)) {
      const inPath = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      for (const op of Object.values(ops)) {
        expect(op.parameters.filter((p) => p.in === "path").map((p) => p.name).sort(), `${op.operationId}`).toEqual(inPath);
        expect(ids.has(op.operationId), op.operationId).toBe(false);
        ids.add(op.operationId);
      }
    }
  });

  it("holds only valid JSON Schema 2020-12 (each one compiles under Ajv's strict mode)", () => {
    const ajv = strictAjv();
    const schemas = allSchemas(doc);
    expect(schemas.length).toBeGreaterThan(100);
    for (const s of schemas) expect(() => ajv.compile(s as object), JSON.stringify(s).slice(0, 200)).not.toThrow();
  });

  it("details every JSON answer: none is an open object or any value, Auth.js's own answers excepted", () => {
    const open = (schema: Record<string, unknown>) => Object.keys(schema).length === 0 || (schema.type === "object" && Object.keys((schema.properties as object) ?? {}).length === 0);
    const vague: string[] = [];
    for (const [path, ops] of Object.entries(paths)) {
      for (const [method, op] of Object.entries(ops)) {
        for (const [status, answer] of Object.entries(op.responses as Record<string, { content?: Record<string, { schema: Record<string, unknown> }> }>)) {
          const schema = answer.content?.["application/json"]?.schema;
          if (schema && open(schema)) vague.push(`${method.toUpperCase()} ${path} ${status}`);
        }
      }
    }
    // Auth.js answers with its own shapes (csrf, session, providers…), documented as free-form JSON.
    expect(vague).toEqual(["GET /api/auth/{nextauth} 200", "POST /api/auth/{nextauth} 200"]);
  });

  it("gives every error one shape: AppError.toJSON's", () => {
    const error = (doc.components as { schemas: { Error: { required: string[]; properties: { error: { required: string[] } } } } }).schemas.Error;
    expect(error.required).toEqual(["error"]);
    expect(error.properties.error.required).toEqual(["code", "message"]);
    // route() sends Retry-After with a rate limit and most 503s (lib/http.ts): the document says so.
    const responses = (doc.components as { responses: Record<string, { headers?: Record<string, unknown> }> }).responses;
    expect(Object.keys(responses.E429.headers ?? {})).toEqual(["Retry-After"]);
    expect(Object.keys(responses.E503.headers ?? {})).toEqual(["Retry-After"]);
  });
});
