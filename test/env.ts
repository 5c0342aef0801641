// Environment variables for a test: through vi.stubEnv, so vi.unstubAllEnvs() puts back what was there
// (and removes what was not). lib/env.ts reads the environment once, when the app's modules first load:
// stub before they are imported (dynamic imports after this), or reset the modules and import them again.
import { vi } from "vitest";

export function stubEnvs(vars: Record<string, string | undefined>): void {
  for (const [name, value] of Object.entries(vars)) vi.stubEnv(name, value);
}
