// The production server's Next configuration: the build's, with next.config.ts's environment-driven values
// taken at start (server/next-config.ts).
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { startConfig } from "./next-config";

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function builtWith(config: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), "hurryup-next-config-"));
  dirs.push(dir);
  mkdirSync(join(dir, ".next"));
  writeFileSync(join(dir, ".next", "required-server-files.json"), JSON.stringify({ version: 1, config }));
  return dir;
}

describe("startConfig", () => {
  test("keeps the build's resolved configuration and takes the server actions' origins from the start-time config", () => {
    const dir = builtWith({
      output: "standalone",
      distDir: ".next",
      experimental: { preloadEntriesOnStart: false, serverActions: { allowedOrigins: ["localhost:3000"], bodySizeLimit: "1mb" } },
    });
    const config = startConfig(dir, { experimental: { serverActions: { allowedOrigins: ["shop.example:8443"] } } });
    expect(config.output).toBe("standalone");
    expect(config.distDir).toBe(".next");
    expect(config.experimental.preloadEntriesOnStart).toBe(false);
    expect(config.experimental.serverActions).toEqual({ allowedOrigins: ["shop.example:8443"], bodySizeLimit: "1mb" });
  });

  test("fails with the missing file's name when there is no build", () => {
    const dir = mkdtempSync(join(tmpdir(), "hurryup-next-config-"));
    dirs.push(dir);
    expect(() => startConfig(dir, {})).toThrow(/required-server-files\.json/);
  });
});
