// The production server: `npm start`. One Node http server in front of Next. The buy path
// (POST /api/orders) takes a fast path straight to the same handler Next mounts at app/api/orders —
// skipping Next's per-request pipeline is what lets it take thousands of requests per second on two
// cores (measured by `npm run bench:flash`). Everything else is Next's request handler.
import { register } from "node:module";

register("./server-only-hook.mjs", import.meta.url);
// Next's globals (AsyncLocalStorage & co.) must exist before any module that imports next/* loads.
await import("next/dist/server/node-environment.js");
const { startServer } = await import("./app-server");
await startServer();
