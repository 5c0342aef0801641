// The layering in docs/architecture.md is kept by eslint.config.mjs; these cases prove the rules fire
// (a rule that cannot fail would let the layers erode unnoticed).
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const eslint = new ESLint({ cwd: `${import.meta.dirname}/..` });

async function restricted(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath });
  return result.messages.filter((m) => m.ruleId === "no-restricted-imports").map((m) => m.message);
}

describe("import boundaries", () => {
  it("keep domains out of the plumbing", async () => {
    expect(await restricted("lib/jobs/x.ts", 'import { a } from "@/lib/orders/queries";\nexport { a };\n')).toHaveLength(1);
    expect(await restricted("lib/http.ts", 'import { a } from "../payments/confirm";\nexport { a };\n')).toHaveLength(1);
    expect(await restricted("lib/db.ts", 'import { a } from "@/lib/cart/service";\nexport { a };\n')).toHaveLength(1);
    expect(await restricted("lib/jobs/x.ts", 'import { a } from "@/lib/db";\nexport { a };\n')).toEqual([]);
  }, 60_000);

  it("keep the database client and Redis out of components and routes, types excepted", async () => {
    expect(await restricted("components/x/y.tsx", 'import { db } from "@/lib/db";\nexport { db };\n')).toHaveLength(1);
    expect(await restricted("app/x/page.tsx", 'import { redis } from "@/lib/redis";\nexport { redis };\n')).toHaveLength(1);
    expect(await restricted("components/x/y.tsx", 'import type { OrderStatus } from "@/lib/generated/prisma/client";\nexport type { OrderStatus };\n')).toEqual([]);
  }, 60_000);

  it("keep app/ and components/ out of lib/, and accounts out of auth", async () => {
    expect(await restricted("lib/orders/x.ts", 'import { a } from "@/components/ui/badge";\nexport { a };\n')).toHaveLength(1);
    expect(await restricted("lib/cart/x.ts", 'import { a } from "@/app/layout";\nexport { a };\n')).toHaveLength(1);
    expect(await restricted("lib/auth/x.ts", 'import { a } from "@/lib/accounts/signup";\nexport { a };\n')).toHaveLength(1);
    expect(await restricted("components/x/y.tsx", 'import { a } from "@/app/layout";\nexport { a };\n')).toHaveLength(1);
  }, 60_000);
});

describe("one text rule", () => {
  const rule = async (filePath: string, source: string) => {
    const [result] = await eslint.lintText(source, { filePath });
    return result.messages.filter((m) => m.ruleId === "no-restricted-syntax").map((m) => m.message);
  };
  const plain = 'import { z } from "zod";\nexport const s = z.string().max(5);\n';
  it("refuses a bare z.string() in lib/, app/ and components/, not in lib/validation.ts or the environment", async () => {
    expect(await rule("lib/orders/x.ts", plain)).toHaveLength(1);
    expect(await rule("app/api/x/route.ts", plain)).toHaveLength(1);
    expect(await rule("components/x/y.tsx", plain)).toHaveLength(1);
    expect(await rule("lib/validation.ts", plain)).toEqual([]);
    expect(await rule("lib/env.ts", plain)).toEqual([]);
    expect(await rule("lib/orders/x.ts", 'import { text } from "@/lib/validation";\nexport const s = text(5);\n')).toEqual([]);
  }, 60_000);
});

describe("the journeys' console watch", () => {
  it("refuses Playwright's own test in an e2e spec (./support/test watches the console)", async () => {
    expect(await restricted("e2e/x.spec.ts", 'import { test } from "@playwright/test";\ntest("x", async () => {});\n')).toHaveLength(1);
    expect(await restricted("e2e/x.spec.ts", 'import type { Page } from "@playwright/test";\nimport { test } from "./support/test";\nexport const f = (p: Page) => p;\ntest("x", async () => {});\n')).toEqual([]);
  }, 60_000);
});

describe("one form rule", () => {
  const rule = async (filePath: string, source: string) => {
    const [result] = await eslint.lintText(source, { filePath });
    return result.messages.filter((m) => m.ruleId === "no-restricted-syntax").map((m) => m.message);
  };
  const bare = "export function F() {\n  return <form action=\"/\"><button>go</button></form>;\n}\n";
  it("refuses a bare <form> in app/ and components/ (components/ui/form.tsx is the one), and still the bare z.string() there", async () => {
    expect(await rule("components/x/y.tsx", bare)).toHaveLength(1);
    expect(await rule("app/x/page.tsx", bare)).toHaveLength(1);
    expect(await rule("components/ui/form.tsx", bare)).toEqual([]);
    expect(await rule("components/x/y.tsx", 'import { Form } from "@/components/ui/form";\nexport function F() {\n  return <Form action="/"><button>go</button></Form>;\n}\n')).toEqual([]);
    expect(await rule("components/x/y.tsx", 'import { z } from "zod";\nexport const s = z.string().max(5);\n')).toHaveLength(1);
  }, 60_000);
});
