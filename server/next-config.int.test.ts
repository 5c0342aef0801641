// The production server on the production build starts without Next's "next start does not work with
// output: standalone" warning (server/next-config.ts hands Next the build's configuration) and still
// runs with the start-time APP_URL: the test server's APP_URL differs from the build's, and the routes'
// Origin policy and Next's server-action check both accept it (server/actions-origin.int.test.ts).
import { afterAll, beforeAll, expect, test } from "vitest";
import { startProductionServer, type ProductionServer } from "@/test/production-server";

let server: ProductionServer;
beforeAll(async () => {
  server = await startProductionServer({ LOG_LEVEL: "info" });
});
afterAll(() => server?.stop());

test("starts and answers without the standalone warning", async () => {
  expect((await fetch(`${server.base}/api/health`)).status).toBe(200);
  expect(server.process.logLines("server listening")).toHaveLength(1);
  expect(server.process.output).not.toContain("does not work with");
});
