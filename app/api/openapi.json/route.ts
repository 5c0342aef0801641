// GET /api/openapi.json — the OpenAPI 3.1 document of this API (lib/openapi; read at /api-docs)
import { route } from "@/lib/http";
import { openApiDocument } from "@/lib/openapi/document";

export const GET = route(async () => Response.json(openApiDocument(), { headers: { "cache-control": "public, max-age=300" } }));
