// Every route under app/api, described once: its methods, who may call it, its request (path parameters,
// query, headers, body) and its answers. Request schemas are the very ones the routes validate with
// (lib/*/schemas.ts); answers are in ./answers, each tied to the code that sends it (./fits.ts). The
// entries are in ./routes by area; lib/openapi/document.ts turns them into the OpenAPI 3.1 document at
// /api/openapi.json; lib/openapi/coverage.test.ts fails when a route file has no entry (or an entry has no route).
import type { Operations } from "./operation";
import { accountOperations } from "./routes/accounts";
import { alertOperations } from "./routes/alerts";
import { fulfilmentOperations } from "./routes/fulfilment";
import { operationsOperations } from "./routes/operations";
import { sellerOperations } from "./routes/seller";
import { shopOperations } from "./routes/shop";

export type { Access, Answer, Method, Operation } from "./operation";

/** Paths as OpenAPI writes them (`{id}`); a catch-all folder (`[...path]`) is one parameter that may hold slashes. */
export const operations: Operations = { ...shopOperations, ...alertOperations, ...accountOperations, ...sellerOperations, ...fulfilmentOperations, ...operationsOperations };
